import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRubrics } from '@mlsd/rubric';
import { AnalysisCache } from '@mlsd/scoring';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readMessage } from './read-message.ts';

/**
 * Requests for help as a stuck candidate types them, in the step they are in: most name one talking
 * point of the step in their own few words ("no idea for negatives"), some name nothing ("I'm
 * stuck"). The hint should be about the point named, and about no point when none is. Written apart
 * from the code in two halves: the dev half was read while building `help-topic.ts`, the blind half
 * never was (its misses are never printed).
 */
const HelpTopics = z.array(
  z.strictObject({
    caseId: z.string(),
    step: z.enum(['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring']),
    text: z.string(),
    pointId: z.string().nullable(),
  }),
);

const loaded = loadRubrics(join(import.meta.dirname, '../../../../rubrics'));
if (!loaded.ok) throw new Error('the rubrics do not load');
const { cases, framework } = loaded.value;

const SETS = [
  { name: 'dev', minRight: 0.55, maxWrong: 0.12, maxFalse: 0.06 },
  { name: 'blind', minRight: 0.4, maxWrong: 0.1, maxFalse: 0.15 },
] as const;

describe.each(SETS)('help asked with a topic, $name set', ({ name, minRight, maxWrong, maxFalse }) => {
  const rows = HelpTopics.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, `../../eval/help-topics.${name}.json`), 'utf8')),
  );
  const results = rows.map((row) => {
    const caseStudy = cases.get(row.caseId);
    if (!caseStudy) throw new Error(`no case "${row.caseId}"`);
    const read = readMessage({
      caseStudy,
      framework,
      step: row.step,
      text: row.text,
      transcript: [],
      notes: '',
      cache: new AnalysisCache(),
    });
    const help = read.intent === 'hint' || read.intent === 'stuck';
    // A question about the topic read as a proposal or a fact question is put back to the candidate
    // as that point's probe ("Good thing to raise...") when coverage hears the point: it counts too.
    return { row, help, topic: read.raised?.[0] ?? null };
  });
  const named = results.filter(({ row }) => row.pointId !== null);
  const general = results.filter(({ row }) => row.pointId === null);
  const right = named.filter(({ row, topic }) => topic === row.pointId);
  const wrong = named.filter(({ row, topic }) => topic !== null && topic !== row.pointId);
  const falseTopic = general.filter(({ topic }) => topic !== null);
  const pct = (part: unknown[], whole: unknown[]) => `${((100 * part.length) / whole.length).toFixed(1)}%`;
  console.log(
    `help-topics.${name}: of ${named.length} requests naming a point, ${pct(right, named)} helped on it, ${pct(wrong, named)} on another point, ${named.filter(({ help }) => !help).length} not read as help; of ${general.length} naming none, ${pct(falseTopic, general)} helped on a point`,
  );
  if (name === 'dev' && process.env.MLSD_EVAL_MISSES === 'help-dev')
    for (const { row, topic } of [...named.filter(({ row, topic }) => topic !== row.pointId), ...falseTopic])
      console.log(`  ${row.caseId} ${row.step} | ${row.text} | want ${row.pointId} got ${topic}`);

  it('helps on the point a request names', () => {
    expect(right.length / named.length).toBeGreaterThanOrEqual(minRight);
  });

  it('rarely helps on a point the request did not name', () => {
    expect(wrong.length / named.length).toBeLessThanOrEqual(maxWrong);
    expect(falseTopic.length / general.length).toBeLessThanOrEqual(maxFalse);
  });
});
