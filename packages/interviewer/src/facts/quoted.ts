import { extractTerms } from './terms.ts';

/** What "k", "million", "bn" multiply a figure by. */
export const SCALE: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  billion: 1e9,
  b: 1e9,
  bn: 1e9,
  trillion: 1e12,
};
const FIGURE = String.raw`(\d[\d,]*(?:\.\d+)?)(?:\s*(thousand|million|billion|[kmb])\b)?`;

function figure(digits: string, scale = ''): number {
  return Number(digits.replaceAll(',', '')) * (SCALE[scale.toLowerCase()] ?? 1);
}

/** The figures an answer states: "2 million advertisers", "4M orders", "300,000 restaurants". */
export function figuresOf(answer: string): Set<number> {
  const figures = new Set<number>();
  for (const [, digits = '', scale] of answer.matchAll(new RegExp(FIGURE, 'gi'))) {
    figures.add(figure(digits, scale));
  }
  return figures;
}

const YEAR = /^the (?:19|20)\d\d$/i;

/** How many words past the quoted phrase must stand in the answer, word for word, to say it back. */
const ECHO_WORDS = 4;

const plainWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ');

/** Whether the clause from the figure on repeats the answer's words past the quoted phrase. */
function echoes(phrase: string, fromFigure: string, answer: string): boolean {
  const quoted = plainWords(phrase).length;
  const words = plainWords(fromFigure.split(/[?.!;,](?:\s|$)/)[0] ?? '');
  if (words.length < quoted + 2) return false;
  const said = words.slice(0, quoted + ECHO_WORDS).join(' ');
  return ` ${plainWords(answer).join(' ')} `.includes(` ${said} `);
}

/** What a question quotes back, and the question without it. */
export interface Quote {
  /** The index of the fact whose figure the question quotes. */
  fact: number;
  /** The question with the quoted phrase ("the 2 million advertisers") taken out. */
  rest: string;
}

/**
 * A figure a question quotes back as known: "of *the 2 million advertisers*, how many...", "how many
 * of *the 400 rules* fire...". A candidate who quotes a fact has that fact already and asks for what
 * it does not say, so the rest of the question is what is asked. The quoted phrase runs from the
 * figure over the words that fact holds ("review photos"); "the 2-hop neighbourhood" and "the p99"
 * quote nothing.
 */
export function quoteIn(
  question: string,
  facts: readonly { figures: ReadonlySet<number>; terms: ReadonlyMap<string, number>; answer?: string }[],
): Quote | undefined {
  for (const match of question.matchAll(new RegExp(String.raw`\bthe ${FIGURE}(?=\s+[a-z])`, 'gi'))) {
    const value = figure(match[1] ?? '', match[2]);
    // "The 2017 detector" names a thing by its year; it quotes no figure.
    if (YEAR.test(match[0])) continue;
    const fact = facts.findIndex((profile) => profile.figures.has(value));
    const quoted = facts[fact];
    if (!quoted) continue;
    let end = match.index + match[0].length;
    for (const word of question.slice(end).matchAll(/\s*([\w-]+)/gy)) {
      // The phrase ends at a word of no weight ("are") or one the fact does not hold.
      const terms = extractTerms(word[1] ?? '');
      if (terms.length === 0 || !terms.every((term) => quoted.terms.has(term))) break;
      end += word[0].length;
    }
    // "How many of the 20,000 employees are expected to use it weekly?" says the fact's own sentence
    // back: it asks what that fact says, not what it leaves out.
    const from = match.index + 'the '.length;
    if (quoted.answer && echoes(question.slice(from, end), question.slice(from), quoted.answer))
      return undefined;
    return { fact, rest: `${question.slice(0, match.index)}${question.slice(end)}` };
  }
  return undefined;
}
