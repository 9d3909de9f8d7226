import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemSentence } from 'wink-nlp';
import { winkCoreModel } from './wink-core-model.ts';

/**
 * The one text normaliser of the project: wink-nlp tokenisation, lemmas and stop words.
 * The rubric linter, the scorer and the fact retrieval all use it, so "a probe must not contain
 * its point's signal words" means the same thing to the linter as to the scorer.
 */
// Only sentence breaks and parts of speech (which the lemmas need): named entities, negation and
// sentiment are never read, and leaving them out of the pipe spares their loading and a third of
// each document's work without changing any token, lemma or sentence. The core model is prepared
// by our own loader, the same model without the package's deep copy (wink-core-model.ts).
const nlp = winkNLP({ ...model, core: winkCoreModel }, ['sbd', 'pos']);
const its = nlp.its;

/** wink-nlp types its.lemma and its.stem with a signature its own `out` does not accept; they work at run time. */
const asTokenIts = (fn: unknown) => fn as typeof its.normal;

/** A word of a text: its lemma, whether it is a stop word, and where it sits in the text. */
export interface TextToken {
  lemma: string;
  /**
   * Porter stem from wink-nlp. Lemmas only undo inflection and miss many forms ("calibrated",
   * "embeddings" stay as they are), so matching compares stems: calibrate/calibration/calibrated
   * all become "calibr".
   */
  stem: string;
  stop: boolean;
  /** Sentence index within the text. */
  sentence: number;
}

/** Negations matter for meaning ("not accuracy"); wink marks them as stop words, we keep them. */
const KEEP = new Set(['not', 'no', 'without', 'never']);

/** "today's", "model’s": a word with a possessive 's attached. */
const POSSESSIVE = /^(\p{L}[\p{L}\p{N}-]*)['’]s$/u;
const POSSESSIVE_END = /['’]s$/;

/**
 * Lower-cased lemmas of the words of `text`, with stop-word flags. `{ stems: false }` leaves `stem`
 * empty: the Porter stemmer is most of the cost of a token, and the scorer reads only lemmas.
 */
export function tokenize(text: string, options: { stems?: boolean } = {}): TextToken[] {
  const withStems = options.stems ?? true;
  const doc = nlp.readDoc(text);
  // Each property of all the tokens at once, rather than token by token: wink builds an object of
  // seven closures for every token an `each` visits, a good part of the cost of a short text. The
  // values are the same (each `out` calls the same `its` function on the same token, and they
  // only read), and punctuation's lemmas and flags, now worked out too, are never read.
  const tokens = doc.tokens();
  const types = tokens.out(its.type) as string[];
  const lemmas = tokens.out(asTokenIts(its.lemma)) as unknown[];
  const stopFlags = tokens.out(its.stopWordFlag) as unknown[];
  const stems = withStems ? (tokens.out(asTokenIts(its.stem)) as unknown[]) : null;
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const out: TextToken[] = [];
  spans.forEach(([first, last], sentenceIndex) => {
    for (let index = first; index <= last; index++) {
      const type = types[index];
      if (type !== 'word' && type !== 'number') continue;
      const lemma = String(lemmas[index]).toLowerCase();
      const stop = Boolean(stopFlags[index]) && !KEEP.has(lemma);
      const stem = stems ? String(stems[index]).toLowerCase() : '';
      // wink-nlp remembers words it has met: "today's" comes out as "today" + "'s" the first time
      // and as one token "today's" once some earlier text has taught it the word, so the same
      // sentence tokenised differently depending on what the process read before (a score could
      // change with the order sessions were scored). Both shapes become the first one, and the
      // possessive itself is no content word.
      const possessive = POSSESSIVE.exec(lemma);
      if (possessive?.[1]) {
        out.push({
          lemma: possessive[1],
          stem: stem.replace(POSSESSIVE_END, ''),
          stop,
          sentence: sentenceIndex,
        });
        out.push({ lemma: "'s", stem: "'s", stop: true, sentence: sentenceIndex });
      } else if (lemma === "'s" || lemma === '’s') {
        out.push({ lemma: "'s", stem: "'s", stop: true, sentence: sentenceIndex });
      } else out.push({ lemma, stem, stop, sentence: sentenceIndex });
    }
  });
  return out;
}

/** The content lemmas of `text` (stop words dropped), in order. */
export function contentLemmas(text: string): string[] {
  return tokenize(text)
    .filter((token) => !token.stop)
    .map((token) => token.lemma);
}

/** The content stems of `text` (stop words dropped), in order: what matching compares. */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((token) => !token.stop)
    .map((token) => token.stem);
}

/** Splits text into sentences with their character offsets, so quotes stay verbatim substrings. */
export function sentences(text: string): { text: string; start: number; end: number }[] {
  const doc = nlp.readDoc(text);
  const out: { text: string; start: number; end: number }[] = [];
  let cursor = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    const raw = sentence.out();
    const start = text.indexOf(raw, cursor);
    if (start === -1) return;
    out.push({ text: raw, start, end: start + raw.length });
    cursor = start + raw.length;
  });
  return out;
}

/**
 * Words a clause cannot end on ("would be", "the", "like"): a trailing-off after one ("the label
 * would be... whether they pressed tab") goes on with the same sentence. A regex source ending at
 * the word, for splitters to build on.
 */
export const UNFINISHED_CLAUSE_END = String.raw`\b(?:be|is|are|was|were|the|a|an|of|to|for|with|like|and|or|but|would|could|should|might|maybe|um+|uh+|by|on|in|at|from|as)`;

const ENDS_UNFINISHED = new RegExp(`${UNFINISHED_CLAUSE_END}$`, 'i');

/** Whether text stops where its clause cannot end (see UNFINISHED_CLAUSE_END). */
export const endsUnfinished = (text: string): boolean => ENDS_UNFINISHED.test(text);
