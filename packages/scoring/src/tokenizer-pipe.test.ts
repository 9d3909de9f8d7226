import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemToken } from 'wink-nlp';

/**
 * The shared normaliser (`@mlsd/rubric` text.ts) runs wink-nlp with only sentence breaks and parts
 * of speech, not its whole default pipe (entities, negation, sentiment too), which the scorer never
 * reads. This checks that leaving them out changes no token, lemma, stem, stop word or sentence on
 * every candidate turn of the calibration set.
 */
const CALIBRATION = fileURLToPath(new URL('../../../calibration', import.meta.url));
const full = winkNLP(model);
const reduced = winkNLP(model, ['sbd', 'pos']);
const its = full.its;
const tokenIts = (fn: unknown) => fn as typeof its.normal;

function reading(nlp: typeof full, text: string): string[] {
  const doc = nlp.readDoc(text);
  const out: string[] = [];
  doc.sentences().each((sentence, index) => {
    sentence.tokens().each((token: ItemToken) => {
      const lemma = token.out(tokenIts(its.lemma));
      const stem = token.out(tokenIts(its.stem));
      out.push(`${index} ${token.out(its.type)} ${lemma} ${stem} ${token.out(its.stopWordFlag)}`);
    });
  });
  return out;
}

const texts = readdirSync(CALIBRATION, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(join(CALIBRATION, entry.name))
      .filter((name) => name.endsWith('.json'))
      .flatMap(
        (name) =>
          (
            JSON.parse(readFileSync(join(CALIBRATION, entry.name, name), 'utf8')) as {
              turns: { role: string; text: string }[];
            }
          ).turns,
      ),
  )
  .filter((turn) => turn.role === 'candidate')
  .map((turn) => turn.text);

describe('the reduced wink-nlp pipe', () => {
  it('reads every calibration turn exactly as the full pipe does', () => {
    expect(texts.length).toBeGreaterThan(500);
    const differ = texts.filter(
      (text) => reading(full, text).join('\n') !== reading(reduced, text).join('\n'),
    );
    expect(differ).toEqual([]);
  });
});
