import entries from './glossary.json' with { type: 'json' };

/** A term a candidate may ask the meaning of, in our own words, neutral about any design. */
export interface GlossaryEntry {
  term: string;
  aliases: readonly string[];
  definition: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = entries;

const BY_TERM = new Map(GLOSSARY.map((entry) => [entry.term, entry]));

/** The entry of a term as the glossary spells it (what a `define` move carries). */
export function glossaryEntry(term: string): GlossaryEntry | undefined {
  return BY_TERM.get(term);
}

/** Lower-case, no punctuation but the characters terms use ("ndcg@10", "a/b", "two-tower"). */
function normal(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^a-z0-9@/+&'\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_NAME = new Map<string, GlossaryEntry>();
for (const entry of GLOSSARY)
  for (const name of [entry.term, ...entry.aliases]) BY_NAME.set(normal(name), entry);

/**
 * What comes right before the phrase asked about: "what is X", "what does X mean", "explain X",
 * "never heard of X". Each needs a word of asking, so "we'd use MMoE" is never read as asking.
 */
const CUE =
  /\b(?:what do you mean by|what is meant by|what(?:'s| is| are|s| was| does| do)|explain(?: what)?(?: you mean by)?|define|(?:remind|tell) me what|never heard of|not familiar with|(?:i )?(?:don'?t|do not) (?:know|remember|understand) what|not sure what|(?:the )?difference between) (.+)$/;

/** After "what's": words that ask for a value of this system rather than what a term means. */
const VALUE_ASKED =
  /^(?:the (?!difference between)|peak |average |avg |typical |current |total |daily |our |your |expected |median |p\d+ )/;

/** "X means what", "X, what's that": the phrase first, the asking after. */
const CUE_AFTER = /^(.+?) (?:means what|meaning|is what|what's that|whats that|what is that)$/;

/** Words around the phrase that are part of the asking, not of the term. */
const LEADING = /^(?:(?:an?|the|this|that|these|those|a so called|so called|term|difference between)\s+)+/;
const TRAILING =
  /(?:\s+(?:exactly|again|even|here|mean|means|measure|measures|stand for|stands for|actually|btw|in this context|in this case|roughly|pls|please|is|are|do|does|quickly|to me|is about|really|then|how does it work|how it works|work|works))+$/;

/** Asides that end the question: "what is MMoE, i've heard it for multi task", "..., like fake news?". */
const CLAUSE_SPLIT =
  /\b(?:ive|i've|i have) heard\b|\b(?:i|ive|i've) (?:read|seen)\b|\blike\b|\bor\b|\bcan you\b|\bcould you\b/;

/** Filler and politeness before the question: "sorry", "um", "ok so". */
const LEAD_IN =
  /^(?:(?:um+|uh+|hmm+|ok|okay|so|sorry|and|but|wait|quick question|hi|hey|also|can you|could you|pls|please)\b\s*)+/;

/** The entries a phrase names: one term, or two weighed against each other ("pointwise vs pairwise"). */
function named(phrase: string): GlossaryEntry[] {
  const clean = phrase.replace(/['"]/g, '').replace(LEADING, '').replace(TRAILING, '').trim();
  const whole = BY_NAME.get(clean);
  if (whole) return [whole];
  const parts = clean.split(/\s+(?:vs|versus|and|or)\s+/);
  if (parts.length < 2) return compound(clean);
  const entries = parts.map((part) => BY_NAME.get(part.replace(LEADING, '').replace(TRAILING, '').trim()));
  return entries.every((entry) => entry !== undefined) ? [...new Set(entries)] : [];
}

/**
 * "calibration drift", "ranking loss": two terms side by side, each explained ("calibration" and
 * "drift"); none when either half is not a term, so "churn model" or "feed ranker" stays unexplained.
 */
function compound(phrase: string): GlossaryEntry[] {
  const words = phrase.split(/\s+/);
  for (let cut = 1; cut < words.length; cut++) {
    const head = BY_NAME.get(words.slice(0, cut).join(' '));
    const tail = BY_NAME.get(words.slice(cut).join(' '));
    if (head && tail && head !== tail) return [head, tail];
  }
  return [];
}

/**
 * The glossary entries a message asks the meaning of, when one clause of it asks "what is X" (or
 * "what does X mean", "never heard of X", "the difference between X and Y") and X is a term or
 * alias, whole. None otherwise: a fact question ("what's the ctr of our ads?") names more than a term.
 */
export function termsAsked(text: string): GlossaryEntry[] {
  const clauses = text
    .toLowerCase()
    // A full stop inside a term ("e.g.", "ndcg@10") is no clause end; one before a space is.
    .split(/[?!;,]+|\.(?=\s|$)/)
    .flatMap((clause) => normal(clause).split(CLAUSE_SPLIT))
    .map((clause) => clause.trim().replace(LEAD_IN, '').trim())
    .filter(Boolean);
  for (const clause of clauses) {
    const cue = CUE.exec(clause);
    // "What's the QPS?", "what's peak QPS?" ask for this system's figure, not for a meaning.
    const value = cue && /^what/.test(cue[0]) && VALUE_ASKED.test(cue[1] ?? '');
    const asked = value ? undefined : (cue?.[1] ?? CUE_AFTER.exec(clause)?.[1]);
    const entries = asked === undefined ? [] : named(asked);
    if (entries.length > 0) return entries;
  }
  return [];
}

/** Whether `text` names the entry, by its term or an alias, as whole words. */
export function mentions(text: string, entry: GlossaryEntry): boolean {
  const said = ` ${normal(text)} `;
  return [entry.term, ...entry.aliases].some((name) => said.includes(` ${normal(name)} `));
}
