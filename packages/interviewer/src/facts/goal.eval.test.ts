import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRubrics } from '@mlsd/rubric';
import { AnalysisCache } from '@mlsd/scoring';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readMessage } from '../reading/read-message.ts';

/**
 * The question nearly every mock opens with: what the system is for ("what's the goal here?",
 * "objective?", "are we optimising for bookings or for browsing?", "what must not get worse?").
 * Written by a hand that saw only the case briefs, eight styles per case (plain, terse, filler,
 * either-or, success, non-native, combined with another ask, guardrail); split by case, the blind
 * half is never read (its misses are never printed).
 */
const GoalQuestions = z.array(
  z.strictObject({
    caseId: z.string(),
    id: z.string(),
    text: z.string(),
    style: z.string(),
    alsoAsks: z.string().optional(),
  }),
);

const ROOT = join(import.meta.dirname, '../../../..');
const loaded = loadRubrics(join(ROOT, 'rubrics'));
if (!loaded.ok) throw new Error('the rubrics do not load');
const { cases, framework } = loaded.value;

/** The facts the interviewer gives for a first message of requirements. */
function factsGiven(caseId: string, text: string): string[] {
  const caseStudy = cases.get(caseId);
  if (!caseStudy) throw new Error(`no case "${caseId}"`);
  const read = readMessage({
    caseStudy,
    framework,
    step: 'requirements',
    text,
    transcript: [],
    notes: '',
    cache: new AnalysisCache(),
  });
  return read.facts.found;
}

/**
 * First sight (eighteenth session, before the goal facts of eight cases and bare goal words read as
 * asks): dev 23.6% given the goal, 23.6% told the case does not say, 52.8% another fact alone;
 * blind 45.8%, 22.2%, 31.9%. After: dev 76.4 / 11.1 / 12.5%, blind 68.1 / 8.3 / 23.6%.
 * Twenty-second session, once a question about what the system is for is recognised by its form
 * (facts/goal.ts) and answered with the facts the rubric marks `goal`: dev 94.4 / 1.4 / 4.2%, blind
 * 81.9 / 2.8 / 15.3% (from 69.4 / 6.9 / 23.6%).
 */
const SETS = [
  { name: 'dev', minGoal: 0.92, maxOtherOnly: 0.06 },
  { name: 'blind', minGoal: 0.8, maxOtherOnly: 0.17 },
] as const;

describe.each(SETS)('goal questions, $name set', ({ name, minGoal, maxOtherOnly }) => {
  const rows = GoalQuestions.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, `../../eval/goal-questions.${name}.json`), 'utf8')),
  );
  const results = rows.map((row) => {
    const found = factsGiven(row.caseId, row.text);
    // The facts the rubric marks as saying what the system is for: its goal, and where the case has
    // them, the targets it must meet and what its errors cost (a guardrail question is answered there).
    const goal = (cases.get(row.caseId)?.facts ?? []).filter((fact) => fact.goal).map((fact) => fact.id);
    return { row, found, goal: found.some((id) => goal.includes(id)), none: found.length === 0 };
  });
  const goal = results.filter((result) => result.goal);
  const none = results.filter((result) => result.none);
  const otherOnly = results.filter((result) => !result.goal && !result.none);
  const share = (part: unknown[]) => ((100 * part.length) / results.length).toFixed(1);
  console.log(
    `goal-questions.${name}: of ${results.length}, ${share(goal)}% given the case's goal, ${share(none)}% told the case does not say, ${share(otherOnly)}% given only another fact`,
  );
  if (name === 'dev' && process.env.MLSD_EVAL_MISSES === 'goal-dev')
    for (const { row, found } of [...none, ...otherOnly])
      console.log(`  miss: ${row.caseId} | ${row.style} | ${row.text} => ${found.join(',')}`);

  it("gives the case's goal to most questions about it", () => {
    expect(goal.length / results.length).toBeGreaterThanOrEqual(minGoal);
  });

  it('rarely answers a goal question with another fact alone', () => {
    expect(otherOnly.length / results.length).toBeLessThanOrEqual(maxOtherOnly);
  });
});
