/**
 * Phrase patterns for the requests a candidate can make besides answering. Each list is matched
 * against one clause or sentence whose leading filler is already gone (see `sentences.ts`), so
 * most patterns are anchored: "stop" only counts as a request when the clause is the request,
 * not when an answer says "stop words" or "we stop training".
 */
/**
 * One regular expression that matches where any of the patterns does: a list is written one
 * pattern per idea but scanned once.
 */
export function anyOf(patterns: readonly RegExp[]): RegExp {
  const flags = patterns[0]?.flags ?? '';
  // Joined patterns share one set of flags: a case-sensitive one would silently turn insensitive.
  if (patterns.some((pattern) => pattern.flags !== flags)) throw new Error('anyOf: patterns differ in flags');
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), flags);
}

/** Aimed at the grader or at the interviewer's own instructions. */
const STEER = anyOf([
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.!?]{0,40}\b(?:instructions?|rules?|prompts?|rubrics?|guidelines|criteria|scoring|grading)\b/i,
  /\b(?:note|message|instructions?|memo|attention|reminder|fyi|psa|request)\s+(?:to|for)\s+(?:the\s+)?(?:grader|scorer|evaluator|judge|assessor|grading|scoring)\b|\b(?:note|message|instructions?|memo|attention|reminder|fyi)\s+(?:to|for)\s+(?:the\s+)?(?:\w+\s+)?(?:model|system|ai|llm|reviewer|grader|scorer|evaluator)\s*[:,–—-]/i,
  /\b(?:satisf\w+|meets?|met|fulfil\w*|covers?|covered|hits?) (?:all|every|each) (?:of )?(?:the )?(?:rubric |grading |scoring |evaluation )?(?:criteria|criterion|rubric(?: points?)?)\b/i,
  /(?:^|[\s<[(!-])(?:grader|scorer|evaluator|judge|assessor|system|admin|developer)\s*:/i,
  /\b(?:give|award|assign|grant)\s+(?:me|us|this(?:\s+\w+)?|the candidate|my answer)?\s*(?:the\s+|a\s+)?(?:full|max(?:imum)?|perfect|top|highest|best)\s+(?:marks?|scores?|points?|ratings?|grades?)/i,
  /\b(?:rate|score|grade|mark)\s+(?:this|me|my|it|them|every|all)\b[^.!?]{0,40}(?:10\/10|100\b|\bfull\b|\bperfect\b|\bmax(?:imum)?\b|\bexceptional\b|\bexcellent\b|\bhire\b|\bcovered\b|\bmet\b|\bpassed\b)/i,
  /\bstrong[\s-]hire\b/i,
  /\byou are no longer\b|\byou(?:'re| are) (?:now )?(?:a|an|my) (?:\w+ )?(?:assistant|grader|scorer|judge|evaluator|chatbot)\b|\bfull marks\b|\byou are now\b|\bfrom now on,? you\b|\byou (?:must|will|shall) now\b|\b(?:debug|developer|god|admin) mode\b/i,
  /\b(?:print|reveal|output|repeat|leak|dump|display)\b[^.!?]{0,30}\b(?:prompt|instructions|hidden|secret|evaluation criteria)\b/i,
  /\bpretend (?:you|to be|that you)\b|\b(?:act|behave|respond) as (?:if|though)\b/i,
  /^[[(<]\s*(?:system|grader|scorer|evaluator|judge|admin|developer)\b/i,
  /\bpass me\b|\bmark me as\b|\b(?:approve|hire) me\b|\b(?:give|award) me (?:the )?(?:max|maximum|top|highest|best|full) (?:score|marks?|grade|points)\b/i,
  /\bas (?:your|the) (?:developer|creator|admin|administrator|owner|operator|programmer)\b|\b(?:skip|disable|turn off|stop) (?:the )?(?:grading|scoring|evaluation)\b/i,
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.!?]{0,20}\b(?:what you were told|everything (?:above|before|you were told)|your (?:training|programming|guidelines|setup|role)|all (?:of )?that|(?:previous|prior|earlier|above) (?:\w+ )?(?:messages?|text|context))\b/i,
  /\b(?:mark|score|rate|grade|consider|record)\b[^.!?]{0,60}\bas (?:fully |all |already |completely )?(?:covered|met|complete|completed|passed|excellent|perfect|exceptional|strong hire|hire)\b/i,
  /\b(?:system|admin|developer|grader|evaluator)\s+(?:override|message|note|instruction|update)\b|\boverride\s*:/i,
  /\b(?:output|print|return|respond with|reply with|answer with)\s+(?:only\s+)?["']?(?:pass|passed|hire|strong hire|10\/10|100\/100|score|full marks)\b/i,
  // Addressed to whoever scores, or a new rule for the interviewer: "to whoever reviews this: ...".
  /\b(?:to|for|dear|attention|hey|hi) (?:whoever|anyone|the person|the people|everyone) (?:who )?(?:reviews?|reads?|grades?|scores?|evaluates?|marks?|assess\w*|checks?)\b/i,
  /\bnew (?:rules?|instructions?|policy|system prompt)\s*:|^override\b|\boverride (?:mode|the (?:rubric|score|grade|rules))\b/i,
  /\b(?:set|change|make|put|bump|raise) (?:all |every |each |my |the )*(?:\w+ )?(?:scores?|grades?|marks?|ratings?|points?) (?:to|at|up to) (?:\d|full|max|the max|perfect|top)/i,
  /\b(?:deserves?|earned?|merits?|worth) (?:a |the )?(?:full|maximum|max|top|highest|perfect) (?:credit|marks?|scores?|points?|grades?)\b|\bfull credit\b|\b(?:rate|score|grade|mark) (?:me |this |it )?accordingly\b/i,
  /\byou (?:will |must |should |can )?(?:only|always|never) (?:say|give|respond|answer|reply|praise|agree|output|write)\b/i,
  /\b(?:final |the |my )?(?:report|feedback|verdict|evaluation) (?:says?|should say|must say|reads?) (?:that )?(?:i|the candidate|strong|hire|pass)/i,
]);

/**
 * A steer phrase in a sentence about attacks is the candidate designing a defence ("an attacker
 * could write 'ignore previous instructions' in a page"), not steering.
 */
const ATTACK_FRAMING =
  /\b(?:attack\w*|malicious|adversar\w*|inject\w*|jailbreak\w*|defen[cs]e|defend|sanitiz\w*|guardrails?|retrieved|document|passage|web ?page|something like|such as|for example)\b/i;

/** Quoted spans (not apostrophes inside words) are mentions, not requests. */
const QUOTED = /(?<![a-z])'[^']{3,}'(?![a-z])|"[^"]{3,}"/gi;

/** A pasted score block: "--- BEGIN SCORE REPORT ---", {"scores": ...}, "overall 97/100". */
const FAKE_SCORE =
  /\b(?:score report|evaluation result|grading result)\b|"(?:scores?|overall|grade)"\s*:|"role"\s*:\s*"(?:system|developer|assistant)"|\boverall\s*[:=]?\s*\d+\s*\/\s*100\b/i;

/** Whether the whole message carries a fake score block, whatever its sentences. */
export const hasFakeScore = (text: string) => FAKE_SCORE.test(text);

export function isSteer(sentence: string): boolean {
  const unquoted = sentence.replace(QUOTED, ' ');
  return STEER.test(unquoted) && !ATTACK_FRAMING.test(sentence);
}

/** Hedges that can open any request: "I think", "ok so maybe". */
const HEDGE = `(?:(?:i think|i guess|i feel like|maybe|perhaps|ok|okay|so|now|then|alright|i'?d say) )*`;

/** How a request opens: "can we", "let's", "I'd like to", "I'll", "we can", "time to". */
const OPENING = `(?:(?:can|could|shall|should|may|might) (?:we|i) |(?:i )?(?:gotta|have to|need to|must) |let'?s |let us |let me |please |i(?:'d| would)? (?:need|have|want|like|love|must|gotta|got) to |i(?:'ll| will| shall) |i'?m (?:going to|gonna|ready to|happy to)(?: have to)? |we (?:can|could|should|might as well|may as well|need to|have to) |(?:i'?m |we'?re )?ready to |time to |how about we |why don'?t we |(?:is it )?ok(?:ay)? (?:if we |to )|mind if we |happy to |good to )`;
const POLITE = `(?:please |just |now |maybe |go ahead and )*`;
const REQUEST = `${HEDGE}${OPENING}?${POLITE}`;
/** A request opening that is there, not optional. */
const REQUEST_SAID = `${HEDGE}${OPENING}${POLITE}`;

/** Ending the whole interview. */
const STOP = anyOf([
  new RegExp(
    `^${REQUEST}(?:stop|end|finish|quit|terminate|exit|abort|wrap (?:it |things |everything |this )?up|call it(?: a day| quits)?|cut (?:this|it) short)(?: (?:the |this |our |my )?(?:whole |entire )?(?:interview|session|mock(?: interview)?|call|conversation|chat|practice|thing|it|this|everything))?(?: (?:here|now|today|early|please|for (?:today|now)|right now|then|there))*(?:,? (?:because|since|as|i have|i've got|i need|i'?m|gotta)\\b.*)?$`,
    'i',
  ),
  /^(?:i |we )?(?:have to|need to|gotta|got to|must|should) (?:go|leave|run|head out|drop(?: off)?|hop off|jump off|log off|sign off|bounce)(?: (?:now|soon|early|sorry|in a (?:minute|sec|second)))*$/i,
  /^(?:that'?s|that is) (?:enough|all) for (?:today|now)\b|^(?:i'?m|we'?re|i am|we are) (?:done|finished) for (?:today|now|the day)\b|^(?:bye|goodbye|see you(?: later)?|gotta go)\W*$/i,
  /\b(?:end|quit|stop|finish|terminate) (?:the|this) (?:interview|session|mock)\b/i,
  /\bi give up on (?:the|this) (?:interview|mock|session)\b/i,
]);

const STEP_WORD = `(?:requirements|data|features?|labels?|modell?ing|models?|training|evaluation|metrics|serving|deployment|monitoring|framing|scale)`;
const STEP_OR_THIS = `(?:${STEP_WORD}|this|that|it|everything|all)`;
/** Words that name a part of the interview: "the next part", "the data side", "this section". */
const PART = `(?:part|step|section|question|topic|stage|phase|one|bit|area|side|piece)`;

/** Verbs of going on: "move", "jump", "skip", "dive". */
const MOTION = `(?:move|go|jump|proceed|continue|head|get|switch|turn|skip|dive|shift|transition|progress|advance|pivot|hop)`;

/** Going on to the next step. */
const MOVE_ON = anyOf([
  // With a request ("can we", "let's") any destination; bare, only a part of the interview.
  new RegExp(`^${REQUEST}${MOTION}(?: on| ahead| forward| onwards?)(?: .*)?$`, 'i'),
  new RegExp(
    `^${REQUEST_SAID}${MOTION}(?: ahead| forward| over| straight| right)? (?:on)?(?:to|into|towards) .+$`,
    'i',
  ),
  new RegExp(
    `^${MOTION}(?: ahead| forward| over| straight| right)? (?:on)?(?:to|into|towards) (?:the )?(?:next|${STEP_WORD})\\b`,
    'i',
  ),
  new RegExp(
    `^${REQUEST}(?:talk(?: about)?|discuss|do|cover|look at|tackle|turn to|start on|get to|go over) (?:the )?(?:${STEP_WORD}|next ${PART})(?: ${PART})?(?: (?:now|next|then|please))*$`,
    'i',
  ),
  /^moving (?:on|to|over|ahead|forward)\b|^onwards?\W*$/i,
  new RegExp(`^${REQUEST}(?:continue|proceed)$`, 'i'),
  new RegExp(
    `^(?:(?:i'?m |we'?re )?ready for |on to |onto )?(?:the next ${PART}|next(?: ${PART})?)(?: please| pls| then)?$|^what(?:'s| is| comes) next\\b|^what(?:'s| is) the next ${PART}\\b`,
    'i',
  ),
  /^(?:i think )?(?:that'?s|thats|that is|this is) (?:all|it|everything)(?: (?:i have|i've got|from me|from my side))?(?: (?:for|on|about|regarding|with) .+)?$/i,
  new RegExp(
    String.raw`^(?:i think )?(?:that|this|we|i'?ve|i have) (?:covers?|covered|wraps? up|wrapped up|concludes|finishes|is it for) (?:the |my |this )?${STEP_OR_THIS}\b`,
    'i',
  ),
  new RegExp(
    `^(?:i think )?(?:i'?m|i am|im|we'?re|we are) (?:done|finished|through|happy|good|comfortable|satisfied)(?: (?:with|on) (?:the |this |my )?(?:${STEP_OR_THIS}|${PART}).*)?$`,
    'i',
  ),
  new RegExp(`^(?:the |my )?${STEP_WORD}(?: ${PART})? (?:is|are) (?:done|covered|finished|complete)$`, 'i'),
  /^(?:i have )?nothing (?:else|more)(?: to add)?(?: from me| from my side)?(?: (?:for|on|about) .+)?$/i,
]);

/** Out of ideas for now: said by the candidate about themselves. */
const STUCK = anyOf([
  /^(?:i )?(?:really |honestly |genuinely |just |truly )?(?:don'?t|do not|dont) (?:really |honestly |actually )?know(?: (?:what|how|where|which|why|anything|much|about|at all|here|anymore|really|tbh|honestly|sorry)\b.*)?$/i,
  /^(?:i )?(?:\w+ )?(?:have |got )?(?:absolutely )?(?:no|zero|not a) (?:idea|clue)s?\b|^(?:idk|dunno|clueless)\b/i,
  /\b(?:i'?m|im|i am)(?: \w+){0,2} (?:stuck|stumped|blanking|lost|clueless|confused|baffled|at a loss|drawing (?:a |an )?(?:\w+ )?blank)\b|\bstuck (?:here|on this)\b|\bout of ideas\b/i,
  /\b(?:went|go|going|gone) blank\b|\bdrawing (?:a |an )?(?:complete |total )?blanks?\b|\bmy (?:head|mind|brain) is (?:empty|blank|fried|mush)\b|\bbrain (?:freeze|fog)\b/i,
  /\bnothing (?:else |more )?(?:comes|springs|came) to (?:mind|me)\b|^i'?ve got nothing\b|^i (?:have|got) nothing(?! (?:else|more))\b/i,
  /\b(?:can'?t|cannot|can not|couldn'?t) (?:really |quite |honestly )?(?:think of|come up with)\b/i,
  /\bnot (?:really |quite |totally |entirely )?sure (?:what|how|where|which)(?: else)?(?: (?:i|we) (?:could|can|should|would))? (?:to )?\w+|^(?:i'?m )?not (?:really |too )?sure(?: (?:honestly|tbh|really|at all|sorry))?$/i,
  /\bnot familiar with\b|\bi (?:don'?t|do not) have (?:an? |any )?(?:good |real )?(?:answer|idea|clue)s?\b/i,
  /\b(?:outside|beyond) (?:what i know|my (?:expertise|experience|knowledge|depth))\b|\bbeyond me\b|\bout of my depth\b|\bover my head\b/i,
]);

/** A closing check on an answer: it asks for no fact. */
const CHECK_IN_GENERAL =
  /^(?:(?:does|did|would|will|is|was) (?:that|this)|(?:is|was) (?:that|this) (?:all|enough|what you))(?: \w+){0,2}? (?:cover|covers|answer|answers|address|work|help|make sense|sound|ok|okay|fine|enough|clear|reasonable|what you)\b[^.?!]{0,25}\W*$/i;
const CHECK_IN =
  /^(?:(?:does|did) (?:that|this|it) (?:make sense|sound (?:ok|okay|right|good|reasonable|fine)|answer (?:your|the) question)(?: so far)?|(?:makes?|make) sense|sounds? (?:good|ok|okay|reasonable|right|fine)|(?:is|was) (?:that|this) (?:ok|okay|clear|enough|fine|alright|reasonable|the level of detail you want|what you (?:meant|wanted|were looking for))|right|correct|ok|okay|yeah|yes|no|agreed|you know|(?:should|shall|can) i (?:go on|continue|keep going|go deeper|elaborate|expand|go into (?:more )?detail)\b.*|(?:do you )?want me to (?:go deeper|continue|elaborate|expand|go into)\b.*|am i on the right track|any questions(?: so far)?|(?:do you )?(?:have )?any (?:questions|thoughts|concerns))(?: so far)?\W*$/i;

export const isStop = (clause: string) => STOP.test(clause);
export const isMoveOn = (clause: string) => MOVE_ON.test(clause);
export const isStuck = (clause: string) => STUCK.test(clause);
export const isCheckIn = (sentence: string) => CHECK_IN.test(sentence) || CHECK_IN_GENERAL.test(sentence);
