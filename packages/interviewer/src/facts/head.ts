/**
 * The predicate of a yes/no question: "Can guests *message* hosts?", "Do we *refund* customers?",
 * "Do couriers get a *bonus*?". It says what is asked; the subject and objects around it are often
 * words the case uses for something else, so a predicate no fact has says the case does not cover it.
 */

const AUXILIARY = /^(?:do|does|did|can|could|should|will|would|may|might|must|shall)\s+/i;

const DETERMINER = new Set(
  'the a an our their your its every each any some most all this that these those'.split(' '),
);

/** Adverbs between the subject and the verb: "do we *also* need...", "do kitchens *reliably* mark...". */
const ADVERB = /^(?:also|ever|just|still|even|already|often|sometimes|[a-z]{4,}ly)$/;

/**
 * Verbs that ask nothing of their own; what follows them is the predicate: "need to *blur*", "get a
 * *bonus*", "support *voice* search", "stop *recommending*".
 */
const LIGHT = new Set(
  `need needs have has want wants get gets use make see show ask try stop start keep place
  support offer provide to be able go`.split(/\s+/),
);

/** The predicate word of a yes/no question, when its shape is plain enough to find it. */
export function predicateOf(question: string): string | undefined {
  const auxiliary = AUXILIARY.exec(question.trim());
  if (!auxiliary) return undefined;
  const words = question
    .trim()
    .slice(auxiliary[0].length)
    .toLowerCase()
    .split(/[^a-z'-]+/)
    .filter(Boolean);
  // The subject: "we", "guests", or a determiner and its noun ("our ranker"). Longer subjects
  // ("bad actors") give a known word here, which changes nothing.
  let index = DETERMINER.has(words[0] ?? '') ? 2 : 1;
  for (; index < words.length; index++) {
    const word = words[index] ?? '';
    // "Do we let advertisers *upload*...": the verb comes after the one let.
    if (word === 'let') index++;
    else if (!ADVERB.test(word) && !LIGHT.has(word) && !DETERMINER.has(word)) return word;
  }
  return undefined;
}
