import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import { type TextToken, tokenize } from './text.ts';

/**
 * `tokenize` reads each property of all of a document's tokens at once (and prepares wink's model
 * with its own loader, wink-core-model.ts). This checks it against the way it read before, token
 * by token through `each`, on a wink instance of its own made from the package's model, fed the
 * same texts in the same order (wink remembers the words it has met): every calibration turn.
 */
const CALIBRATION = fileURLToPath(new URL('../../../calibration', import.meta.url));
const reference = winkNLP(model, ['sbd', 'pos']);
const its = reference.its;
const tokenIts = (fn: unknown) => fn as typeof its.normal;
const KEEP = new Set(['not', 'no', 'without', 'never']);
const POSSESSIVE = /^(\p{L}[\p{L}\p{N}-]*)['’]s$/u;

/** The token-by-token reading `tokenize` replaced, word for word. */
function tokenByToken(text: string): TextToken[] {
  const out: TextToken[] = [];
  reference
    .readDoc(text)
    .sentences()
    .each((sentence: ItemSentence, sentenceIndex: number) => {
      sentence.tokens().each((token: ItemToken) => {
        const type = token.out(its.type);
        if (type !== 'word' && type !== 'number') return;
        const lemma = String(token.out(tokenIts(its.lemma))).toLowerCase();
        const stop = Boolean(token.out(its.stopWordFlag)) && !KEEP.has(lemma);
        const stem = String(token.out(tokenIts(its.stem))).toLowerCase();
        const possessive = POSSESSIVE.exec(lemma);
        if (possessive?.[1]) {
          out.push({ lemma: possessive[1], stem: stem.replace(/['’]s$/, ''), stop, sentence: sentenceIndex });
          out.push({ lemma: "'s", stem: "'s", stop: true, sentence: sentenceIndex });
        } else if (lemma === "'s" || lemma === '’s') {
          out.push({ lemma: "'s", stem: "'s", stop: true, sentence: sentenceIndex });
        } else out.push({ lemma, stem, stop, sentence: sentenceIndex });
      });
    });
  return out;
}

const texts = readdirSync(CALIBRATION, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(join(CALIBRATION, entry.name))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .flatMap(
        (name) =>
          (
            JSON.parse(readFileSync(join(CALIBRATION, entry.name, name), 'utf8')) as {
              turns: { text: string }[];
            }
          ).turns,
      ),
  )
  .map((turn) => turn.text);

describe('tokenize', () => {
  it('reads every calibration turn as the token-by-token reading did', () => {
    expect(texts.length).toBeGreaterThan(1000);
    const differ = texts.filter(
      (text) => JSON.stringify(tokenize(text)) !== JSON.stringify(tokenByToken(text)),
    );
    expect(differ).toEqual([]);
  });

  it('reads texts of no words, and punctuation alone, as it did', () => {
    for (const text of ['', '   ', '...', '—', '?!', '42', "it's", 'a. b. c.'])
      expect(tokenize(text)).toEqual(tokenByToken(text));
  });
});
