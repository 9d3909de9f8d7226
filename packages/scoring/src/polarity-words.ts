/**
 * Words `polarity.ts` reads stance with, as lemmas of the shared normaliser ("won't" is "will" +
 * "not", "opposed" is "oppose"). Like `lexicon.ts`, they describe how people accept or reject
 * anything, never the content of a case.
 */

/** Negators; "n't" comes out of the normaliser as "not". */
export const NEGATORS = new Set(
  // Typed without the apostrophe ("dont", "isnt") the contraction stays one word.
  'not no never without nothing none neither nor nobody dont doesnt didnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt havent hasnt'.split(
    ' ',
  ),
);

/**
 * After a negator these make it something else: "not only X but Y", "not least", "not every click
 * is a real positive" (the clicks still exist).
 */
export const NOT_NEGATING_NEXT = new Set('only just merely also least every all always'.split(' '));

/** Idioms that contain a negator and negate nothing: "no matter", "no doubt", "not to mention". */
export const NEGATION_IDIOMS = ['no matter', 'no doubt', 'not to mention', 'no question'];

/** "not sure we need X", "I don't know if X": the candidate hedges rather than rejects. */
export const HEDGES_AFTER_NOT = new Set(['sure', 'certain', 'convinced', 'know']);

/** Predicates that dismiss what their clause names when negated: "not needed", "no point", "not worth it". */
export const NEGATED_DISMISS = new Set(
  (
    'need needed necessary matter worth require required bother care worry important useful ' +
    'helpful help relevant essential crucial critical meaningful informative good right ' +
    'appropriate enough sufficient problem issue concern point priority value valuable risk threat'
  ).split(' '),
);

/** Words that dismiss their clause on their own: "X is overkill", "X is unnecessary". */
export const DISMISS = new Set(
  (
    'unnecessary overkill pointless useless irrelevant overrated needless superfluous optional ' +
    'unneeded waste wasteful moot negligible premature'
  ).split(' '),
);

/**
 * "we can skip X", "ignore X". Not for risks: "skip the bot clicks", "ignore non-viewable
 * impressions" clean the data rather than dismiss an idea.
 */
export const DISMISS_VERBS = new Set(['skip', 'ignore', 'forgo', 'forget', 'scrap', 'ditch']);

/**
 * Verdicts that rule an idea out as unworkable, read in `polarity-verdicts.ts`: "a full rerank per
 * request is impossible at 50k qps". Kept apart from `DISMISS` because "impossible to ignore" is
 * emphasis, which a plain word list cannot tell.
 */
export const IMPOSSIBLE = new Set(['impossible', 'infeasible', 'unfeasible', 'impractical']);

/** After "impossible to", verbs that make it emphasis: "position bias is impossible to ignore". */
export const EMPHATIC_AFTER_IMPOSSIBLE = new Set(
  'ignore overlook miss overstate exaggerate overestimate deny avoid dismiss'.split(' '),
);

/**
 * What follows "out of" when it rules the idea out ("out of the question", "out of scope"); every
 * other "out of" describes a thing ("out of stock", "out of date", "out of memory").
 */
export const OUT_OF_VERDICTS = new Set(['question', 'scope', 'picture']);

/** Adverbs that may sit between "is" and "out" or "ruled out": "is clearly out". */
export const VERDICT_ADVERBS = new Set(
  'clearly simply definitely basically obviously probably pretty totally completely certainly also just'.split(
    ' ',
  ),
);

/** "rules it out", "rules that out": the verdict is on something said before. */
export const RULED_OBJECTS = new Set(['it', 'that', 'this', 'them', 'itself', 'those', 'these']);

/** Criticism: "accuracy would be misleading here", "a random split is a mistake". */
export const CRITICS = new Set(
  (
    'misleading mislead wrong mistake bad pitfall trap naive dangerous risky tempting flawed ' +
    'flaw meaningless broken'
  ).split(' '),
);

/** "X alone is not enough": the candidate wants more than X, not less. */
export const ALONE = new Set(['alone', 'itself', 'solely', 'only', 'just']);

/**
 * Clause openers under which a negation argues for the idea: "if we don't calibrate, bids are
 * wrong", "without calibration the bids drift", "otherwise the threshold moves".
 */
export const CONDITIONAL_OPENERS = new Set(
  'if unless without suppose assuming otherwise when whenever once'.split(' '),
);

/** Openers of a supposition: a red flag said under them is a warning, not a proposal. */
export const SUPPOSITION_OPENERS = new Set(['if', 'unless', 'suppose', 'assuming']);

/** "make sure there is no leakage", "to avoid leaking the future": a negation that names a goal. */
export const GOALS = new Set('sure ensure guarantee prevent avoid check verify protect guard'.split(' '));

/** A clause opened by one of these turns away from the one before ("..., but we use Y"). */
export const CONCESSIVE_OPENERS = new Set(['but', 'however', 'yet', 'instead', 'though', 'although']);

/** Subjects that end the reach of "instead of X" ("instead of X we use Y"). */
export const SUBJECT_PRONOUNS = new Set(['we', 'i', 'you', 'they']);

/** "some people", "many teams", "a lot of folks": someone else's choice. */
export const ATTRIBUTION_QUANTIFIERS = new Set(['some', 'many', 'most', 'other', 'lot', 'lots', 'plenty']);
export const ATTRIBUTION_HOLDERS = new Set(
  'people others folks folk team company candidate engineer practitioner paper blog person'.split(' '),
);
/** What the others do with the idea: "some people use X", "many teams suggest X". */
export const ATTRIBUTION_VERBS = new Set(
  (
    'use suggest recommend propose say think argue like prefer try pick choose reach default go ' +
    'do start swear advocate'
  ).split(' '),
);
/** Holders that open a clause without a quantifier: "People often use accuracy". */
export const OPENING_HOLDERS = new Set(['people', 'others', 'folks', 'everyone']);

/** "the textbook answer", "the naive approach": rejected when a "but" follows. */
export const PROPOSAL_HEADS = new Set(
  'textbook naive usual standard obvious typical classic default common'.split(' '),
);
export const PROPOSAL_NOUNS = new Set(
  'answer approach choice way solution move thing idea option'.split(' '),
);

/**
 * Words that name a risk rather than a technique. Negating a risk ("no leakage", "without position
 * bias") is how candidates say they guard against it, so it does not reject the talking point.
 */
export const HAZARDS = new Set(
  (
    'bias biased leakage leak skew drift imbalance noise noisy fraud spam abuse stale staleness ' +
    'loop delay delayed decay outage failure attack adversarial adversary overfit overfitting ' +
    'mismatch cold bot invalid fatigue blindness spike anomaly missing lag poisoning ' +
    'manipulation evasion cannibalization error inflation collapse'
  ).split(' '),
);
