import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseStudy, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { misquotedFigures } from './misquotes.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const cases = new Map<string, CaseStudy>();
for (const name of readdirSync(join(ROOT, 'rubrics/cases')).filter((file) => file.endsWith('.yaml'))) {
  const loaded = loadYamlFile(join(ROOT, 'rubrics/cases', name), CaseStudy);
  if (loaded.ok) cases.set(loaded.value.id, loaded.value);
}
const study = (id: string) => {
  const found = cases.get(id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};

const Labelled = z.array(
  z.object({
    case: z.string(),
    text: z.string(),
    /** The fact whose figure the message states wrongly; absent when it states none wrongly. */
    factId: z.string().optional(),
  }),
);

/**
 * A wrong correction ("not 100 ms" to a candidate who said it right) costs more than a missed one,
 * so the floors ask for no false correction at all and settle for most misquotes caught. Written
 * for the twenty-eighth session, before the rules (eval/misquotes.dev.json): 25 figures stated
 * wrongly over twelve cases and 33 stated rightly, worked out, or chosen by the candidate.
 */
describe('figures of the case stated wrongly (eval/misquotes.dev.json)', () => {
  const items = Labelled.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, '../../eval/misquotes.dev.json'), 'utf8')),
  );

  it('catches most misquotes and corrects nothing stated rightly', () => {
    let caught = 0;
    const missed: string[] = [];
    const wrong: string[] = [];
    for (const item of items) {
      const found = misquotedFigures(study(item.case), item.text);
      if (item.factId === undefined) {
        if (found.length > 0) wrong.push(`${item.text} -> ${JSON.stringify(found)}`);
      } else if (found.some((misquote) => misquote.factId === item.factId)) caught += 1;
      else missed.push(item.text);
    }
    const misquotes = items.filter((item) => item.factId !== undefined).length;
    console.log(
      `misquotes.dev: ${caught} of ${misquotes} caught; ${wrong.length} of ${items.length - misquotes} corrected wrongly`,
    );
    expect(wrong).toEqual([]);
    expect(caught / misquotes).toBeGreaterThanOrEqual(0.65);
  });

  it("corrects nothing in the calibration interviews, whose figures are the case's own", () => {
    const corrected: string[] = [];
    let read = 0;
    for (const caseId of readdirSync(join(ROOT, 'calibration'))) {
      if (!cases.has(caseId)) continue;
      for (const file of readdirSync(join(ROOT, 'calibration', caseId))) {
        const transcript = JSON.parse(readFileSync(join(ROOT, 'calibration', caseId, file), 'utf8')) as {
          turns: { role: string; text: string }[];
        };
        for (const turn of transcript.turns.filter((each) => each.role === 'candidate')) {
          read += 1;
          for (const misquote of misquotedFigures(study(caseId), turn.text))
            corrected.push(`${caseId}/${file}: "${misquote.said}" in ${turn.text.slice(0, 120)}`);
        }
      }
    }
    expect(read).toBeGreaterThan(1500);
    expect(corrected).toEqual([]);
  });
});

describe('a figure stated wrongly', () => {
  const fraud = study('fraud-detection');

  it('is read in a statement that builds on it, with the sentence of the case that puts it right', () => {
    expect(
      misquotedFigures(fraud, 'The latency budget is 500 ms, so we have room for a bigger model.'),
    ).toEqual([
      {
        factId: 'latency',
        said: '500 ms',
        sentence: 'The whole authorization must answer the network in under 300 ms.',
      },
    ]);
    expect(misquotedFigures(fraud, 'We have about 2 million authorizations a day.')[0]).toMatchObject({
      factId: 'volume',
      said: '2 million authorizations',
    });
    // Said back as a recap, in chat shorthand: the givens restated, one of them ten times off.
    expect(
      misquotedFigures(fraud, 'ok so to recap: roughly 250 million auths a day, 100ms to score')[0],
    ).toMatchObject({ factId: 'volume', said: '250 million authorizations' });
    expect(misquotedFigures(fraud, 'to recap: 25 million auths a day and 100ms to score')).toEqual([]);
  });

  it('is not read in a question, a choice of the candidate, a share of a budget or a sum worked out', () => {
    expect(misquotedFigures(fraud, 'Is the budget 500 ms?')).toEqual([]);
    expect(misquotedFigures(fraud, 'Can I assume we have 2 million authorizations a day')).toEqual([]);
    expect(misquotedFigures(fraud, "I'd give the model 30 ms and the features the rest.")).toEqual([]);
    expect(misquotedFigures(fraud, 'I would sample 2% of the good transactions for training.')).toEqual([]);
    expect(misquotedFigures(fraud, "That's 2 million authorizations a day in the test slice.")).toEqual([]);
    expect(misquotedFigures(fraud, "I'm not 100% sure the fraud labels are complete.")).toEqual([]);
  });
});
