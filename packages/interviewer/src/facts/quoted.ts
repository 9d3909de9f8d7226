import { extractTerms } from './terms.ts';

const SCALE: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  billion: 1e9,
  b: 1e9,
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
  facts: readonly { figures: ReadonlySet<number>; terms: ReadonlyMap<string, number> }[],
): Quote | undefined {
  for (const match of question.matchAll(new RegExp(String.raw`\bthe ${FIGURE}(?=\s+[a-z])`, 'gi'))) {
    const value = figure(match[1] ?? '', match[2]);
    const fact = facts.findIndex((profile) => profile.figures.has(value));
    const quoted = facts[fact];
    if (!quoted) continue;
    let end = match.index + match[0].length;
    for (const word of question.slice(end).matchAll(/\s*([\w-]+)/gy)) {
      if (!extractTerms(word[1] ?? '').every((term) => quoted.terms.has(term))) break;
      end += word[0].length;
    }
    return { fact, rest: `${question.slice(0, match.index)}${question.slice(end)}` };
  }
  return undefined;
}
