import { join } from 'node:path';
import { z } from 'zod';
import { lintPointPhrasings } from './lint.ts';
import { displayPath, type LoadResult, listYamlFiles, loadYamlFile } from './load.ts';
import { issueAt, type RubricIssue } from './locate.ts';
import { RedFlag, StepId, TalkingPoint } from './schema.ts';
import { contentLemmas } from './text.ts';

/**
 * Trade-off drills: short timed exercises on one trade-off card ("Batch vs streaming features").
 * The candidate writes when to choose which and why; the offline scorer scores the answer against
 * the card's talking points the way it scores an interview step.
 *
 * rubrics/drills/*.yaml each hold a deck of cards; `loadDrills` reads them all or none.
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case kebab-case, e.g. "batch-vs-streaming"');

/** The folder under the rubrics directory that holds the drill decks. */
export const DRILLS_FOLDER = 'drills';

/** Bounds on one card, named so tests and tools can quote them. */
export const DRILL_LIMITS = {
  minPoints: 3,
  maxPoints: 6,
  minMinutes: 1,
  maxMinutes: 10,
  defaultMinutes: 3,
} as const;

/** One trade-off card. */
export const DrillCard = z.strictObject({
  /** Kebab-case, unique across every drill file. */
  id,
  /** The trade-off as the card names it, e.g. "Batch vs streaming features". */
  title: z.string().trim().min(3).max(80),
  /** The framework step the trade-off belongs to. */
  step: StepId,
  /** For a case-specific card: the id of the case (a file in rubrics/cases) it is grounded in. */
  case: id.optional(),
  /**
   * What the candidate is asked: when to choose which, and why. Concrete, one to three sentences,
   * and it never contains the answer (no signal of its own points).
   */
  question: z
    .string()
    .trim()
    .min(20, 'the question is a concrete sentence or three, not a phrase')
    .max(600, 'keep the question to one to three sentences'),
  /** Time on the clock, in whole minutes. */
  minutes: z
    .number()
    .int()
    .min(DRILL_LIMITS.minMinutes)
    .max(DRILL_LIMITS.maxMinutes)
    .default(DRILL_LIMITS.defaultMinutes),
  points: z
    .array(TalkingPoint)
    .min(DRILL_LIMITS.minPoints, `a drill card needs at least ${DRILL_LIMITS.minPoints} talking points`)
    .max(DRILL_LIMITS.maxPoints, `a drill card has at most ${DRILL_LIMITS.maxPoints} talking points`),
  redFlags: z.array(RedFlag).default([]),
});
export type DrillCard = z.infer<typeof DrillCard>;

/** One drill file. */
export const DrillDeck = z.strictObject({
  cards: z.array(DrillCard).min(1, 'a drill file holds at least one card'),
});
export type DrillDeck = z.infer<typeof DrillDeck>;

/**
 * The signal or plain phrasing of `point` whose content words all appear in `question`, or null.
 * A question that names a point's signal hands the answer over, and an answer that only repeats
 * the question's words would be credited for echoing it.
 */
export function questionLeaks(question: string, point: TalkingPoint): string | null {
  const questionWords = new Set(contentLemmas(question));
  for (const signal of [...point.signals, ...point.plain]) {
    const words = contentLemmas(signal);
    if (words.length > 0 && words.every((word) => questionWords.has(word))) return signal;
  }
  return null;
}

/** Where each card id was first seen, across files: id -> display name of its file. */
export type DrillIdRegistry = Map<string, string>;

/**
 * Checks one parsed deck beyond its schema: card ids unique across files (`seen` is shared by
 * every file of a load), point ids unique within a card, probes and questions that give the answer
 * away, signals that can never match or repeat another, and unknown case ids (when `caseIds` is given).
 */
export function lintDrillDeck(
  deck: DrillDeck,
  file: string,
  displayName: string,
  seen: DrillIdRegistry = new Map(),
  caseIds?: ReadonlySet<string>,
): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const at = (path: (string | number)[], message: string) =>
    issues.push(issueAt(file, displayName, path, message));

  deck.cards.forEach((card, cardIndex) => {
    const cardPath = ['cards', cardIndex];
    const first = seen.get(card.id);
    if (first !== undefined)
      at([...cardPath, 'id'], `duplicate drill card id "${card.id}" (also in ${first})`);
    else seen.set(card.id, displayName);

    if (caseIds && card.case !== undefined && !caseIds.has(card.case)) {
      at(
        [...cardPath, 'case'],
        `card "${card.id}" names the case "${card.case}", which is no case in rubrics/cases`,
      );
    }

    const pointIds = new Set<string>();
    card.points.forEach((point, pointIndex) => {
      const path = [...cardPath, 'points', pointIndex];
      if (pointIds.has(point.id))
        at([...path, 'id'], `duplicate talking point id "${point.id}" in card "${card.id}"`);
      pointIds.add(point.id);

      lintPointPhrasings(point, path, at);
      const inQuestion = questionLeaks(card.question, point);
      if (inQuestion) {
        at(
          [...cardPath, 'question'],
          `the question gives the answer away: it contains every word of "${inQuestion}", a signal of point "${point.id}"; reword the question or make the signal more specific`,
        );
      }
    });
    card.redFlags.forEach((flag, flagIndex) => {
      if (pointIds.has(flag.id)) {
        at(
          [...cardPath, 'redFlags', flagIndex, 'id'],
          `red flag id "${flag.id}" is also a talking point id of this card`,
        );
      }
    });
  });
  return issues;
}

/**
 * Loads every `drills/*.yaml` under `rubricsDir` (sorted by file name) and returns their cards in
 * file order. All or nothing, like `loadRubrics`: any problem in any file returns every problem
 * found and no cards. With `caseIds`, a card's `case` must be one of them.
 */
export function loadDrills(rubricsDir: string, caseIds?: ReadonlySet<string>): LoadResult<DrillCard[]> {
  const display = displayPath;
  const listed = listYamlFiles(join(rubricsDir, DRILLS_FOLDER), 'drill files');
  if (!listed.ok) return listed;
  const files = listed.value;

  const issues: RubricIssue[] = [];
  const cards: DrillCard[] = [];
  const seen: DrillIdRegistry = new Map();
  for (const file of files) {
    const loaded = loadYamlFile(file, DrillDeck, display(file));
    if (!loaded.ok) {
      issues.push(...loaded.issues);
      continue;
    }
    issues.push(...lintDrillDeck(loaded.value, file, display(file), seen, caseIds));
    cards.push(...loaded.value.cards);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: cards };
}
