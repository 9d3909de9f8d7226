import { z } from 'zod';

// In a module of its own, free of zod: the scorer reads it, and a fresh `mlsd score` loads no zod.
import { STEP_IDS } from './steps.ts';

export { STEP_IDS };
export const StepId = z.enum(STEP_IDS);
export type StepId = z.infer<typeof StepId>;

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case kebab-case, e.g. "label-delay"');
const sentence = z.string().trim().min(8, 'write at least a short sentence');

/**
 * The seniority a session is judged at. A case lists the levels it suits; a talking point may say
 * from which level it is expected (below that level it is a bonus, never a gap).
 */
export const SESSION_LEVELS = ['mid', 'senior', 'staff'] as const;
export const SessionLevel = z.enum(SESSION_LEVELS);
export type SessionLevel = z.infer<typeof SessionLevel>;

/** A talking point: something a strong candidate says in a step, and how we recognise it. */
export const TalkingPoint = z.strictObject({
  id,
  /** Short title shown in the report and the peer console, e.g. "Calibrated probabilities". */
  title: z.string().trim().min(3).max(80),
  /** 1 = nice to have, 2 = expected, 3 = essential. */
  weight: z.number().int().min(1).max(3),
  /**
   * Phrasings a candidate might use, including plain-word paraphrases. Each signal is matched
   * on lemmas, so "calibrating the probabilities" matches "calibrated probability".
   */
  signals: z.array(z.string().trim().min(2)).min(2, 'give at least two signal phrasings'),
  /**
   * The same idea in everyday words, as a candidate who knows it but not the jargon would say it
   * ("how sure the model is" for calibration). Matched like signals; kept apart so their effect
   * can be measured on the calibration set.
   */
  plain: z.array(z.string().trim().min(2)).default([]),
  /** What the interviewer asks when the point is missing. Must not contain the point's own signal words. */
  probe: sentence,
  /**
   * What the interviewer asks once the candidate has raised this point: a question one level
   * deeper, about this case (its numbers, its users, its failure), that a strong candidate can
   * answer from what they proposed. Without any, the interviewer falls back to general questions
   * ("why that over the obvious alternative?"), which fit some points badly. They may use the
   * point's own words (the candidate said them); they must not hand over another point of the step.
   */
  followUps: z.array(sentence).max(3, 'at most three follow-ups per point').default([]),
  /** What a strong answer says: a paragraph the report shows for a missed or thin point. */
  strong: z.string().trim().min(40, 'the strong answer is a paragraph, not a phrase'),
  /**
   * The lowest level this point is expected from. Absent: every level. A `staff` point (scope,
   * cost in money, roadmap, build vs buy, org risk) is not held against a mid or senior candidate;
   * said anyway, it still earns credit up to the step's maximum.
   */
  level: SessionLevel.optional(),
  /** What a staff-level answer adds beyond `strong` (scope, cost, roadmap, risk); shown at staff. */
  staff: z.string().trim().min(40, 'the staff answer is a paragraph, not a phrase').optional(),
});
export type TalkingPoint = z.infer<typeof TalkingPoint>;

/** A red flag: a common mistake the report calls out when a candidate says it. */
export const RedFlag = z.strictObject({
  id,
  title: z.string().trim().min(3).max(100),
  signals: z.array(z.string().trim().min(2)).min(1),
  /** Why it is a mistake, in one or two sentences. */
  why: sentence,
  /**
   * How much it costs the step's score when said in earnest: `minor` (a weak choice), `major`
   * (a real mistake an interviewer would push back on), `severe` (breaks the design: leaks the
   * test set, ships a wrong objective, breaks a legal or safety constraint).
   */
  severity: z.enum(['minor', 'major', 'severe']).default('major'),
  /**
   * What the interviewer asks to make the candidate reconsider, without giving the fix ("At 0.08%
   * fraud, what accuracy does approving everything get?"). A generic push-back is used when absent.
   */
  challenge: sentence.optional(),
  /**
   * Words that, in the same sentence, place the phrase where it is no mistake: random negatives
   * are wrong for the ranker and right for a two-tower retrieval model, so "retrieval" and "two
   * tower" keep that flag quiet. Each entry is a word or phrase, matched by its lemmas.
   */
  notWhen: z.array(z.string().trim().min(2)).optional(),
});
export type RedFlag = z.infer<typeof RedFlag>;

/** A fact the interviewer can give when the candidate asks a clarifying question. */
export const Fact = z.strictObject({
  id,
  /** Question cues this fact answers: words and phrases a candidate's question might contain. */
  cues: z.array(z.string().trim().min(2)).min(2),
  /**
   * Whole questions this fact answers, as candidates ask them: technical and everyday wording,
   * yes/no and "how big/how fast" forms. Retrieval reads a question against them as worked examples,
   * so a paraphrase that shares few words with the cues still finds its fact.
   */
  asks: z.array(z.string().trim().min(8).max(200)).max(12).default([]),
  /** The answer, as the interviewer says it, with concrete numbers. */
  answer: sentence,
  /**
   * This fact says what the system is for: the goal the business sets, its targets or what must not
   * get worse. A question about the goal ("what are we optimising for?", "what would success look
   * like?") is answered with it, whatever other fact its words come near.
   */
  goal: z.boolean().optional(),
});
export type Fact = z.infer<typeof Fact>;

export const CaseStep = z.strictObject({
  /** The case-specific question that opens this step. */
  opening: sentence,
  points: z.array(TalkingPoint).min(6, 'each step needs at least 6 talking points'),
  redFlags: z.array(RedFlag).default([]),
  /**
   * Framework points of this step that do not apply to the case, each with the reason a reader of
   * the rubric needs ("an offline batch job has no live users to split"). They are never scored,
   * probed or counted as missed.
   */
  notApplicable: z.array(z.strictObject({ id, why: sentence })).default([]),
});
export type CaseStep = z.infer<typeof CaseStep>;

/** A constraint change thrown mid-interview. */
export const Curveball = z.strictObject({
  id,
  /** The step during which the interviewer throws it. */
  step: StepId,
  /** What the interviewer says. */
  text: sentence,
  /** What a good reaction covers (shown in the report and the peer console, never to the candidate live). */
  expects: sentence,
  /**
   * Talking point ids whose idea the curveball's premise assumes ("your two-tower model is too
   * slow" needs a two-tower proposal). The interviewer throws it only once the candidate has
   * covered at least one of them; empty means the premise is a change of the world and always holds.
   */
  requires: z.array(id).default([]),
  /**
   * Talking point ids that are the curveball's answer ("switchback tests instead of rider-level
   * splits" answers "a rider-level A/B result is meaningless"). Once the candidate has covered every
   * one, the curveball would ask what they already said, and it is not thrown.
   */
  answeredBy: z.array(id).default([]),
  /**
   * The ideas of `expects` in everyday words: one list of phrasings per idea, in the order the
   * scorer splits `expects` into ideas (its clauses; `mlsd rubrics check` says when the counts
   * differ). A reaction that says one of an idea's phrasings covers that idea.
   */
  plain: z.array(z.array(z.string().trim().min(3))).default([]),
});
export type Curveball = z.infer<typeof Curveball>;

export const CaseStudy = z.strictObject({
  id,
  title: z.string().trim().min(3).max(80),
  /** One line shown on the case picker. */
  summary: z.string().trim().min(10).max(200),
  /** The levels this case suits, lowest first; a session picks one of them. */
  levels: z
    .array(SessionLevel)
    .min(1, 'list the levels this case suits, e.g. [senior, staff]')
    .refine((levels) => new Set(levels).size === levels.length, 'list each level once'),
  tags: z.array(id).min(1),
  /** The prompt as the interviewer reads it out at the start. */
  prompt: z.string().trim().min(40),
  facts: z.array(Fact).min(8, 'each case needs at least 8 facts'),
  steps: z.strictObject({
    requirements: CaseStep,
    framing: CaseStep,
    data: CaseStep,
    model: CaseStep,
    evaluation: CaseStep,
    serving: CaseStep,
    monitoring: CaseStep,
  }),
  curveballs: z.array(Curveball).min(2, 'each case needs at least 2 curveballs'),
});
export type CaseStudy = z.infer<typeof CaseStudy>;

export const FrameworkStep = z.strictObject({
  id: StepId,
  title: z.string().trim().min(3),
  /** What the step is for, one or two sentences. */
  purpose: sentence,
  /** Minutes in a 45-minute session; the seven must add up to 45. */
  minutes: z.number().positive(),
  /** A generic opening question, used when a case has none. */
  opening: sentence,
  /** Generic talking points that apply to any case. */
  points: z.array(TalkingPoint).min(3),
  /**
   * Mistakes that are mistakes on every case (a random split of logged data, raw personal data
   * kept forever). A case flag for the same mistake takes in their phrasings; otherwise they are
   * added to the case's flags of this step.
   */
  redFlags: z.array(RedFlag).default([]),
});
export type FrameworkStep = z.infer<typeof FrameworkStep>;

export const Framework = z
  .strictObject({
    steps: z.array(FrameworkStep).length(7),
  })
  .superRefine((framework, ctx) => {
    framework.steps.forEach((step, index) => {
      if (step.id !== STEP_IDS[index]) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'id'],
          message: `step ${index + 1} must be "${STEP_IDS[index]}" (steps are in interview order)`,
        });
      }
    });
    const total = framework.steps.reduce((sum, step) => sum + step.minutes, 0);
    if (Math.abs(total - 45) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['steps'], message: `step minutes add up to ${total}, not 45` });
    }
  });
export type Framework = z.infer<typeof Framework>;
