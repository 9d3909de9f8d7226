import * as z from '#zod';
import { StepId } from './common.ts';
import { NearMiss } from './report.ts';

/**
 * REST shapes of the study modes: trade-off drills, drawing a case's architecture from memory, and
 * spaced review. A card's points and strong answers travel only in a result, after the answer.
 */

/** Longest drill answer the server scores: a few minutes of typing, with room to spare. */
export const MAX_DRILL_ANSWER_CHARS = 6000;

/** A drill card as the deck lists it: the question, never its points. */
export const DrillCardSummary = z.object({
  id: z.string(),
  title: z.string(),
  step: StepId,
  /** For a case card: the case it is grounded in. */
  caseId: z.optional(z.string()),
  caseTitle: z.optional(z.string()),
  question: z.string(),
  minutes: z.number().check(z.int(), z.positive()),
  /** The owner's latest score on this card, 0..100; null when never tried. */
  lastScore: z.nullable(z.number()),
  attempts: z.number().check(z.int(), z.gte(0)),
});
export type DrillCardSummary = z.infer<typeof DrillCardSummary>;

export const DrillDeckResponse = z.object({
  cards: z.array(DrillCardSummary),
  /**
   * Case cards are left out while a peer interview this owner set up is waiting or running: any
   * of them could be the case the candidate is about to get.
   */
  caseCardsHidden: z.boolean(),
});
export type DrillDeckResponse = z.infer<typeof DrillDeckResponse>;

export const DrillAttemptBody = z.strictObject({
  answer: z.string().check(
    z.maxLength(
      MAX_DRILL_ANSWER_CHARS,
      `the answer is longer than ${MAX_DRILL_ANSWER_CHARS} characters; keep to what you would say in a few minutes`,
    ),
    z.refine(
      (text) => text.trim().length > 0,
      'the answer is empty; write when you would choose which, and why',
    ),
  ),
});
export type DrillAttemptBody = z.infer<typeof DrillAttemptBody>;

export const DrillCreditedPoint = z.object({
  pointId: z.string(),
  title: z.string(),
  weight: z.number(),
  level: z.enum(['mentioned', 'explained']),
  credit: z.number().check(z.gte(0), z.lte(1)),
  /** The candidate's own words that earned it: a slice of the answer. */
  quote: z.string(),
  nearMiss: z.optional(NearMiss),
});
export type DrillCreditedPoint = z.infer<typeof DrillCreditedPoint>;

export const DrillMissedPoint = z.object({
  pointId: z.string(),
  title: z.string(),
  weight: z.number(),
  /** What a strong answer adds. */
  strong: z.string(),
  nearMiss: z.optional(NearMiss),
});
export type DrillMissedPoint = z.infer<typeof DrillMissedPoint>;

export const DrillRedFlagHit = z.object({
  id: z.string(),
  title: z.string(),
  why: z.string(),
  quote: z.string(),
});
export type DrillRedFlagHit = z.infer<typeof DrillRedFlagHit>;

export const DrillResult = z.object({
  attemptId: z.string(),
  cardId: z.string(),
  cardTitle: z.string(),
  /** 0..100, after red flags. */
  score: z.number().check(z.gte(0), z.lte(100)),
  answer: z.string(),
  credited: z.array(DrillCreditedPoint),
  missed: z.array(DrillMissedPoint),
  redFlags: z.array(DrillRedFlagHit),
  createdAt: z.number(),
  /** When the card comes back in review (epoch ms). */
  nextReviewAt: z.number(),
});
export type DrillResult = z.infer<typeof DrillResult>;

/** What the draw page shows before drawing: the case and the size of the reference, not its content. */
export const DrawBrief = z.object({
  caseId: z.string(),
  caseTitle: z.string(),
  prompt: z.string(),
  minutes: z.number().check(z.int(), z.positive()),
  componentCount: z.number().check(z.int()),
  arrowCount: z.number().check(z.int()),
});
export type DrawBrief = z.infer<typeof DrawBrief>;

export const MAX_DRAWN_NODES = 40;
export const MAX_DRAWN_EDGES = 80;

const drawnName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'a box needs a name'),
    z.maxLength(80, 'keep a box name under 80 characters'),
  );

export const DrawAttemptBody = z.strictObject({
  nodes: z
    .array(z.strictObject({ id: drawnName, label: drawnName }))
    .check(
      z.minLength(1, 'the drawing has no boxes; name at least one component'),
      z.maxLength(MAX_DRAWN_NODES, `draw at most ${MAX_DRAWN_NODES} boxes`),
    ),
  edges: z
    .array(
      z.strictObject({
        from: drawnName,
        to: drawnName,
        label: z.optional(z.string().check(z.trim(), z.maxLength(80))),
      }),
    )
    .check(z.maxLength(MAX_DRAWN_EDGES, `draw at most ${MAX_DRAWN_EDGES} arrows`)),
});
export type DrawAttemptBody = z.infer<typeof DrawAttemptBody>;

export const DrawResult = z.object({
  caseId: z.string(),
  caseTitle: z.string(),
  components: z.array(
    z.object({ id: z.string(), label: z.string(), matched: z.boolean(), drawnLabel: z.optional(z.string()) }),
  ),
  arrows: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      label: z.optional(z.string()),
      matched: z.boolean(),
      reversed: z.optional(z.boolean()),
    }),
  ),
  extraNodes: z.array(z.string()),
  extraEdges: z.array(z.object({ from: z.string(), to: z.string() })),
  componentShare: z.number(),
  arrowShare: z.number(),
  reference: z.object({
    summary: z.string(),
    components: z.array(
      z.object({ id: z.string(), label: z.string(), role: z.string(), path: z.enum(['online', 'offline']) }),
    ),
    arrows: z.array(z.object({ from: z.string(), to: z.string(), label: z.optional(z.string()) })),
  }),
});
export type DrawResult = z.infer<typeof DrawResult>;

export const ReviewRating = z.enum(['again', 'hard', 'good', 'easy']);
export type ReviewRating = z.infer<typeof ReviewRating>;

export const ReviewItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('drill'),
    itemId: z.string(),
    due: z.number(),
    cardId: z.string(),
    title: z.string(),
    step: StepId,
  }),
  z.object({
    kind: z.literal('point'),
    itemId: z.string(),
    due: z.number(),
    caseId: z.string(),
    caseTitle: z.string(),
    pointId: z.string(),
    title: z.string(),
    /** The question that asks for the point without naming it. */
    probe: z.string(),
    /** Behind the reveal: what a strong answer says. */
    strong: z.string(),
    /** Sessions whose report missed it. */
    missedIn: z.number().check(z.int(), z.gte(1)),
  }),
]);
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewDeck = z.object({
  now: z.number(),
  /** Everything due now, however many; `items` holds the first `MAX_REVIEW_BATCH` of them. */
  dueCount: z.number().check(z.int(), z.gte(0)),
  totalCount: z.number().check(z.int(), z.gte(0)),
  items: z.array(ReviewItem),
  /** When the next card not yet due comes up; null when nothing is scheduled. */
  nextDueAt: z.nullable(z.number()),
  /** Missed points are left out while a peer interview this owner set up is waiting or running. */
  caseItemsHidden: z.boolean(),
});
export type ReviewDeck = z.infer<typeof ReviewDeck>;

/** Due items sent at once: a backlog of hundreds is worked through a batch at a time, oldest first. */
export const MAX_REVIEW_BATCH = 20;

export const ReviewGradeBody = z.strictObject({ rating: ReviewRating });
export type ReviewGradeBody = z.infer<typeof ReviewGradeBody>;

export const ReviewGradeResponse = z.object({ itemId: z.string(), due: z.number() });
export type ReviewGradeResponse = z.infer<typeof ReviewGradeResponse>;

/** A talking point the owner's sessions missed two or more times. */
export const RecurringMiss = z.object({
  caseId: z.string(),
  caseTitle: z.string(),
  pointId: z.string(),
  title: z.string(),
  sessions: z.number().check(z.int(), z.gte(2)),
  lastMissedAt: z.number(),
});
export type RecurringMiss = z.infer<typeof RecurringMiss>;
