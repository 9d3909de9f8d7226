import { hasDesignWord } from './vocabulary.ts';

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

/** Hedges that can open any request: "I think", "ok so maybe". */
const HEDGE = `(?:(?:i think|i guess|i feel like|maybe|perhaps|ok|okay|so|now|then|alright|i'?d say) )*`;

/** How a request opens: "can we", "let's", "I'd like to", "I'll", "we can", "time to". */
const OPENING = `(?:(?:can|could|shall|should|may|might) (?:we|i) |(?:i )?(?:gotta|have to|need to|must) |let'?s |let us |let me |please |i(?:'d| would)? (?:need|have|want|like|love|prefer|must|gotta|got) to |i'?d rather |(?:i|we)(?:'ll| will| shall)(?: (?:have|need) to)? |i'?m (?:going to|gonna|ready to|happy to)(?: have to)? |we (?:can|could|should|might as well|may as well|need to|have to) |(?:i'?m |we'?re )?ready to |time to |how about we |why don'?t we |(?:is it )?ok(?:ay)? (?:if we |to )|mind if we |happy to |good to )`;
const POLITE = `(?:please |just |now |maybe |go ahead and )*`;
const REQUEST = `${HEDGE}${OPENING}?${POLITE}`;
/** A request opening that is there, not optional. */
const REQUEST_SAID = `${HEDGE}${OPENING}${POLITE}`;

/** Ending the whole interview. */
const STOP = anyOf([
  new RegExp(
    `^${REQUEST}(?:stop|end|finish|quit|terminate|exit|abort|wrap (?:it |things |everything |this )?up|call it(?: a day| quits)?|cut (?:this|it|things|the (?:session|interview|mock|call)) short|close)(?: (?:the |this |our |my )?(?:whole |entire )?(?:interview|session|mock(?: interview)?|call|conversation|chat|practice|thing|it|this|everything))?(?: (?:here|now|today|early|please|for (?:today|now)|right now|then|there|at this point|at that point|for the day|actually))*(?:,? (?:because|since|as|i have|i've got|i need|i'?m|gotta)\\b.*)?$`,
    'i',
  ),
  /^(?:i |we )?(?:have to|need to|gotta|got to|must|should|i'?m (?:going to|gonna)|i'?ll|i will|i'?d better) (?:go|leave|run|head out|drop(?: off)?|hop off|jump off|log off|sign off|bounce)(?: to (?:a |an |my |another )?(?:meeting|call|class|appointment|work|school))?(?: (?:now|soon|early|sorry|in a (?:minute|sec|second)))*$/i,
  /^(?:that'?s|that is) (?:enough|all) for (?:today|now)\b|^(?:i think )?(?:that'?s|this is|that is) where i'?d (?:stop|end|leave it|wrap up)(?: (?:today|for today|the interview))?\W*$|^(?:i'?m|we'?re|i am|we are) (?:done|finished) for (?:today|now|the day)\b|^(?:bye|goodbye|see you(?: later)?|gotta go|gtg|g2g)\W*$|^(?:i'?m |we'?re )?cutting (?:it|this|things) (?:here|short)(?: (?:today|now))?\W*$/i,
  /\b(?:end|quit|stop|finish|terminate|cancel|abandon|scrap|abort) (?:the|this|my|our) (?:whole |entire )?(?:interview|session|mock)\b/i,
  /\b(?:i'?m|i am|we'?re|we are) (?:stopping|quitting|ending|abandoning|scrapping) (?:the |this )?(?:whole thing|whole (?:interview|session|mock)|interview|session|mock|everything)\b/i,
  /\bi give up on (?:the|this) (?:interview|mock|session)\b/i,
  // "I said I want to end this.", "I'm ending this session."
  /\bi (?:want|wanted|need|'d like|would like) to (?:end|stop|quit|finish) (?:this|it|the (?:interview|session|mock))(?! (?:section|step|part|stage|with|by|on)\b)(?: (?:here|now|today|please))*\W*$/i,
  /\b(?:i'?m|i am) ending (?:this|the) (?:session|interview|mock)\W*$/i,
  /\b(?:conclude|close|end) (?:the|this|our) (?:interview|session|mock|call)(?: (?:here|now|early|today))?\W*$/i,
  /^(?:i )?(?:don'?t|do not|no longer) (?:really )?(?:want|wish|feel like) to (?:continue|go on|keep going|carry on|do (?:this|it)|be here)(?: (?:with )?(?:the |this )?(?:interview|session|mock|anymore|any more|today))*\W*$/i,
  /^i(?: quit|'m out| am out|'m leaving| am leaving)\W*$|^(?:i'?m|we'?re|i am|we are) (?:calling it|wrapping (?:it |this )?up|signing off|logging off|heading (?:out|off))(?: (?:here|now|a day|quits|for (?:today|now)))*\W*$|^(?:i'?m )?ending (?:this |it |the (?:session|interview|mock) )?(?:now|here)\b/i,
]);

const STEP_WORD = `(?:requirements|data|features?|labels?|modell?ing|models?|training|evaluation|metrics|serving|deployment|monitoring|framing|scale)`;
const STEP_OR_THIS = `(?:${STEP_WORD}|this|that|it|everything|all)`;
/** Words that name a part of the interview: "the next part", "the data side", "this section". */
const PART = `(?:part|step|section|question|topic|stage|phase|one|bit|area|side|piece)`;

/** Verbs of going on: "move", "jump", "skip", "dive". */
const MOTION = `(?:move|go|jump|proceed|continue|head|get|switch|turn|skip|dive|shift|transition|progress|advance|pivot|hop)`;

/** Going on to the next step. */
const MOVE_ON = anyOf([
  // "alright, time to talk about how we'd serve this?", "I think it's time for the next part".
  /^(?:(?:ok|okay|alright|right|so|good)[,\s]+)*(?:i think )?(?:it'?s |it is |now )?(?:about )?time (?:to (?:move on|talk about|get to|look at|discuss|go to|switch to|cover|turn to|get into)|for the next)\b/i,
  // With a request ("can we", "let's") any destination; bare, only a part of the interview.
  new RegExp(`^${REQUEST}${MOTION}(?: on| ahead| forward| along| onwards?)(?: .*)?$`, 'i'),
  new RegExp(
    `^${REQUEST_SAID}${MOTION}(?: ahead| forward| over| straight| right)? (?:(?:on)?(?:to|into|towards)|past|beyond) (?!(?:a |an )?(?:different|another|new|other) (?:case|problem|interview|scenario)\\b|(?:a |an |my |another |the )?(?:meeting|call|class|appointment|work|school|bed|lunch|dinner|bathroom|restroom|toilet|doctor|door|gym)\\b).+$`,
    'i',
  ),
  new RegExp(
    `^${MOTION}(?: ahead| forward| over| straight| right)? (?:on)?(?:to|into|towards) (?:the )?(?:next|${STEP_WORD})\\b`,
    'i',
  ),
  new RegExp(
    `^${REQUEST}(?:talk(?: about)?|discuss|do|cover|look at|tackle|turn to|start on|get to|go over) (?:the )?(?:${STEP_WORD}|next ${PART})(?: ${PART})?(?: (?:now|next|then|please|instead))*$`,
    'i',
  ),
  /^moving (?:on|to|over|ahead|forward)\b|^onwards?\W*$|^onwards? (?:to|with) /i,
  // Skipping a part: "let's skip the monitoring part", "skip this one please", "can we pass on data".
  new RegExp(
    `^(?:${REQUEST}|i(?:'d| would) )(?:skip|pass on|leave out|jump over|bypass|skip over)(?: (?:the |this |that )?(?:rest of (?:the |this )?)?(?:${STEP_WORD}(?: ${PART})?|(?:[\\w-]+ ){1,2}(?:part|section|bit|topic|question)|${PART}|this(?: one)?|that(?: one)?|it|ahead))?(?: (?:for now|please|pls|then|entirely|altogether|if (?:that'?s|it'?s) ok(?:ay)?))*$`,
    'i',
  ),
  /^(?:i think )?(?:i'?ve|i have|we'?ve|we have) (?:said|covered|talked about|discussed|done) (?:enough|plenty|all i (?:can|have|wanted))(?: (?:on|about|for|there|here)\b.*)?$/i,
  new RegExp(
    `^${REQUEST}(?:continue|proceed|keep going|carry on|press on|go on)(?: (?:with|to|on to|onto) (?:the )?(?:${STEP_WORD}|next)(?: ${PART})?)?$`,
    'i',
  ),
  new RegExp(`^(?:on ?to|onwards? to|over to|next up:?) (?:the )?(?:${STEP_WORD}|next)\\b`, 'i'),
  // "Right, on to watching it in production.", "ok enough on metrics", "Now the ranking stage.",
  // "Next, how we evaluate the answers.": the next topic named in a sentence of its own.
  /^(?:(?:right|ok(?:ay)?|so|alright|good|cool)[,\s]+)*on ?to [\w' -]{3,40}$|^(?:ok(?:ay)?[,\s]+)?enough (?:on|about|with|of) [\w' -]{2,30}$|^now(?:,)? (?:the |on to )?(?:[\w-]+ ){0,2}(?:stage|step|part|section|piece|bit|side)$|^next(?:,|:)? (?:how|what|where|which) (?:we|i)\b[^.?!]{0,50}$/i,
  // "next is model?", "next, evaluation", "evaluation now?", "now serving": the next part named.
  new RegExp(
    `^(?:(?:next(?: is| up| comes)?|and now|now)[:,]? (?:the )?${STEP_WORD}(?: ${PART})?|(?:the )?${STEP_WORD}(?: ${PART})? (?:now|next))(?: (?:now|then|please))?(?:,? (?:i guess|i think|maybe|please|right))?\\W*$`,
    'i',
  ),
  // "so the next step would be the model, right?": the next part named as what comes.
  new RegExp(
    `^(?:so,? )?(?:then,? )?(?:the )?next (?:${PART}|up) (?:would be|will be|is|should be) (?:the )?${STEP_WORD}(?: ${PART})?(?:,? (?:right|then|now|i guess|i think))?\\W*$`,
    'i',
  ),
  // "ok, model time I think", "Model time?", "serving time": the next part's turn.
  new RegExp(
    `^(?:(?:ok|okay|alright|right|so)[,\\s]+)*(?:the )?${STEP_WORD}(?: ${PART})? time(?:,? (?:i think|i guess|then|now|please))?\\W*$`,
    'i',
  ),
  // "done", "I'm done here": finished with the part.
  /^(?:ok(?:ay)?,? |so,? )?(?:i'?m |we'?re |i am |we are )?(?:all )?done(?: here| now| for now| with (?:this|that|it|this (?:step|part|section|one)))?\W*$/i,
  // "pass", "nxt", "let's move forward": going on, in a word or two.
  new RegExp(
    `^(?:pass|nxt|skip)(?: please| pls)?\\W*$|^${REQUEST}(?:move|go|push|press) (?:forward|ahead|on)(?: (?:now|please|pls))?\\W*$`,
    'i',
  ),
  new RegExp(
    `^(?:(?:i'?m |we'?re )?ready for |on to |onto )?(?:the next ${PART}|next(?: ${PART})?)(?: please| pls| then)?$|^what(?:'s| is| comes) next(?: then| please| pls)?\\W*$|^what(?:'s| is) the next ${PART}\\b`,
    'i',
  ),
  /^(?:i think )?(?:that'?s|thats|that is|this is) (?:all|it|everything)(?: (?:i have|i've got|from me|from my side|i (?:wanted|had|have|want) to (?:cover|say|add|discuss)))?(?: (?:for|on|about|regarding|with) .+)?$/i,
  // "Okay, I think that wraps it up from my side": done with the part (the interview, in the last).
  /^(?:(?:ok(?:ay)?|alright|so)[,\s]+)?(?:i think )?(?:that|this) wraps (?:it|things|this|everything) up(?: (?:from|on|for) my (?:side|end|part))?\W*$/i,
  new RegExp(
    String.raw`^(?:i think )?(?:that|this|we|i'?ve|i have) (?:covers?|covered|wraps? up|wrapped up|concludes|finishes|is it for) (?:the |my |this )?${STEP_OR_THIS}\b`,
    'i',
  ),
  // "I'm done with it" leaves the part; "I'm comfortable with it" (after a push-back) keeps a claim,
  // so being happy with something leaves only when the something is the part itself.
  new RegExp(
    `^(?:i think )?(?:i'?m|i am|im|we'?re|we are) (?:(?:done|finished|through)(?: (?:with|on) (?:the |this |my )?(?:${STEP_OR_THIS}|${PART}).*)?|(?:happy|good|comfortable|satisfied)(?: (?:with|on) (?:the |this |my )?(?:${STEP_WORD}|${PART}|(?:this|that|it) (?:${STEP_WORD}|${PART})|everything|all).*)?)(?: here| for now| on (?:this|that))?$`,
    'i',
  ),
  new RegExp(
    `^(?:(?:alright|all right|ok(?:ay)?|so|right)[,\\s]+)?(?:i think |i'?d say |i guess |i feel like )?(?:the |my )?${STEP_WORD}(?: ${PART})?(?:'s| is| are| feels| seems)? (?:pretty |fairly |now )?(?:done|covered|finished|complete|clear|settled|sorted)(?: enough| now| from my side| from me| on my end| for me| here)?\\W*$`,
    'i',
  ),
  // "I think we can leave monitoring there", "a good place to stop on the data side", "move from the
  // model to how we'd deploy it", "whatever comes after this, I'm ready".
  new RegExp(
    String.raw`\b(?:we can|let'?s|i'?ll|i'?d|i can|i think we can) leave (?:the |my )?${STEP_WORD}(?: ${PART})? (?:there|here|at that|as is|for now)\b|\b(?:good|natural|fine|decent|sensible) (?:place|point|spot|moment|time) to (?:stop|pause|leave (?:it|things)|wrap up)\b[^.?!]{0,20}\b(?:${STEP_WORD}|side|part|section|step)\b|^${REQUEST}(?:move|go|switch|jump|shift|get) from (?:the )?[\w' -]{1,30}? (?:on )?to\b|^whatever comes (?:after this|next)$`,
    'i',
  ),
  // "I think I have enough to frame it", "got what I need", "that gives me enough to start": the
  // questions are over (enough data to train on is an answer, so only information counts).
  /^(?:(?:alright|all right|ok(?:ay)?|so|right|great|cool|thanks)[,\s]+)*(?:i think |i guess |i believe )?(?:(?:i'?ve|i have|i(?:'ve)? got|got|we(?:'ve| have)(?: got)?|that gives me|this gives me) )(?:enough|what (?:i|we) need(?:ed)?|all (?:i|we) need(?:ed)?|everything (?:i|we) need(?:ed)?)(?: (?:info|information|context|details?|background|to go on)(?: now)?)?(?: (?:now|for now))?(?: to (?:go on|start|begin|proceed|frame(?: it| this| the problem)?|design|move on|get going|work with|continue)(?: now)?)?\W*$/i,
  /^(?:i have )?nothing (?:else|more)(?: to add)?(?: from me| from my side)?(?: (?:for|on|about) .+)?$/i,
  /^(?:i )?(?:don'?t|do not) (?:really )?have (?:much|anything|a lot|any)? ?(?:more|else) to (?:say|add)\b.*$/i,
  new RegExp(
    `^(?:(?:i think )?(?:i'?m|i am|im|we'?re|we are) )?(?:done|finished|through) (?:with|on) (?:the |this |my |that )?(?:[\\w-]+ ){0,2}(?:${STEP_OR_THIS}|${PART}|design|overview)\\b.*$`,
    'i',
  ),
  /^(?:on ?to|onwards? to) (?:the )?(?:deep[- ]dive|details|next (?:bit|thing|one))\W*$/i,
]);

/** Out of ideas for now: said by the candidate about themselves. */
const STUCK = anyOf([
  /^(?:i )?(?:really |honestly |genuinely |just |truly )?(?:don'?t|do not|dont) (?:really |honestly |actually )?know(?: (?:what|how|where|which|why|anything|much|enough|about|at all|here|anymore|really|tbh|honestly|sorry)\b.*)?$/i,
  /^(?:i )?(?:\w+ )?(?:have |got )?(?:absolutely )?(?:no|zero|not a) (?:idea|clue)s?\b|^(?:idk|dunno|clueless)\b/i,
  /\b(?:i'?m|im|i am)(?: \w+){0,2} (?:stuck|stumped|blanking|lost|clueless|confused|baffled|at a loss|drawing (?:a |an )?(?:\w+ )?blank)\b|\bstuck (?:here|on this)\b|\bout of ideas\b/i,
  // The candidate's own mind, empty or stalled: "my brain just froze", "I'm kind of frozen", "totally stumped".
  /\bmy (?:mind|brain|head)(?:'s| is| just| has| went| feels)*\b[^.?!]{0,10}\b(?:blank|empty|froze|frozen|freez\w*|fried|mush|gone|stopped|stalled|locked up|foggy|fog)\b|\b(?:i'?m|i am|im|i feel)(?: \w+){0,2} (?:frozen|stumped|blanking|stuck)\b|^(?:totally |completely |really |kinda |kind of |utterly )?(?:stumped|stuck|lost|blank|blanking|clueless|frozen)\W*$/i,
  /^(?:(?:hmm+|nope|no|um+|uh+)[\s,.]+)*nothing(?: (?:really|at all|comes|here|sorry))*\W*$/i,
  /\b(?:i )?draw(?:ing)? (?:a |an )?(?:\w+ )?blank\b|\bnothing(?:'s| is)? (?:really )?coming(?: to (?:mind|me))?\b|^i dunno\b/i,
  /\b(?:is|are|was|were|'s|'re)(?: \w+){0,2}? (?:a )?(?:complete |total |bit of a )?blank (?:spot )?(?:for|to) me\b|\b(?:went|go|going|gone) blank\b|\bdrawing (?:a |an )?(?:complete |total )?blanks?\b|\bmy (?:head|mind|brain) is (?:empty|blank|fried|mush)\b|\bbrain (?:freeze|fog)\b/i,
  /\bnothing (?:else |more )?(?:comes|springs|came) to (?:mind|me)\b|^i'?ve got nothing\b|^i (?:have|got) nothing(?! (?:else|more))\b/i,
  /\b(?:can'?t|cannot|can not|couldn'?t|cant|unable to) (?:really |quite |honestly |seem to |even )*(?:think|figure|work out|come up with|get my head|wrap my head|see how|remember|recall)\b/i,
  /\bmy (?:mind|brain|head)(?:'s| is)? (?:just )?(?:not|isn'?t) (?:working|cooperating|there|functioning|with me)\b|^(?:i'?ve |i )?(?:got|have) nothing\b/i,
  /\bnot (?:really |quite |totally |entirely )?sure (?!how (?:this|it|the interview) works\b|what you\b)(?:what|how|where|which)(?: else)?(?: (?:i|we) (?:could|can|should|would))? (?:to )?\w+|^(?:i'?m |i am )?(?:really |honestly |just |genuinely )?not (?:really |too |so |entirely |quite )?sure(?: (?:honestly|tbh|really|at all|sorry|here|about (?:this|that)|now|yet))*\W*$/i,
  /^(?:still |kinda |kind of |a bit |bit )?stuck (?:on|with)\b/i,
  // "I honestly haven't a clue", "my knowledge of vision is weak", "I'm rusty on retrieval".
  /\bhaven'?t (?:got )?(?:a|any) (?:clue|idea)\b|\bmy (?:knowledge|experience) (?:of|in|with) [\w\s-]{1,30}\b(?:is|are) (?:weak|limited|thin|poor|rusty|basic|patchy)\b|\bi(?:'m| am) (?:quite |really |pretty |very )?(?:weak|rusty|shaky) (?:on|at|with|in)\b/i,
  /^(?:i'?m |i am )?(?:really |honestly |just )?not (?:really |too |so |entirely |quite )?sure(?: at all)? (?:about|on|with) (?:this|that|this one|that one|this part|this step|any of this)\W*$/i,
  // "lol this is hard", "ugh, tough one": the difficulty said, and nothing else.
  /^(?:(?:lol|haha|hmm+|ugh|wow|ok(?:ay)?|man|oof)[\s,.!]+)*(?:this|it|that)(?:'s| is)? (?:really |so |quite |pretty |super |kinda |very )?(?:hard|tough|difficult|tricky)(?: one)?\W*$|^(?:(?:ugh|hmm+|wow|oof)[\s,.!]+)*(?:tough|hard|tricky) one\W*$/i,
  // "I'm really struggling with this one"; struggling to choose between two designs is an answer.
  /\b(?:i'?m|im|i am)(?: \w+){0,2} struggling\b(?! to (?:decide|choose|pick) between)/i,
  /\bnot familiar with\b|\bi(?:'ve| have)? never (?:really )?(?:worked|dealt|done anything|touched|used|built anything) with\b|\bi (?:don'?t|do not) have (?:an? |any )?(?:good |real )?(?:answer|idea|clue)s?\b/i,
  /\b(?:outside|beyond) (?:what i know|my (?:expertise|experience|knowledge|depth))\b|\bbeyond me\b|\bout of my depth\b|\bover my head\b/i,
]);

/** A closing check on an answer: it asks for no fact. */
const CHECK_IN_GENERAL =
  /^(?:(?:does|did|would|will|is|was) (?:that|this)|(?:is|was) (?:that|this) (?:all|enough|what you))(?: \w+){0,2}? (?:cover|covers|answer|answers|address|work|help|make sense|sound|ok|okay|fine|enough|clear|reasonable|what you)\b[^.?!]{0,25}\W*$/i;
const CHECK_IN =
  /^(?:(?:does|did) (?:that|this|it) (?:make sense|sound (?:ok|okay|right|good|reasonable|fine)|answer (?:your|the) question)(?: so far)?|(?:makes?|make) sense|sounds? (?:good|ok|okay|reasonable|right|fine)|(?:is|was) (?:that|this) (?:ok|okay|clear|enough|fine|alright|reasonable|the level of detail you want|what you (?:meant|wanted|were looking for))|right|correct|ok|okay|yeah|yes|no|agreed|you know|(?:should|shall|can) i (?:go on|continue|keep going|go deeper|elaborate|expand|go into (?:more )?detail)\b.*|(?:do you )?want me to (?:go deeper|continue|elaborate|expand|go into)\b.*|am i on the right track|(?:is there )?anything (?:else )?(?:you'?d|you would) like me to (?:go (?:deeper|further|into)|expand|elaborate|dig|drill|cover)\b.*|(?:is|was) (?:that|this) (?:the )?(?:kind|sort|level) of (?:detail|depth|answer|thing)\b.*|any questions(?: so far)?|(?:do you )?(?:have )?any (?:questions|thoughts|concerns))(?: so far)?\W*$/i;

export const isStop = (clause: string) => STOP.test(clause);
export const isMoveOn = (clause: string) => MOVE_ON.test(clause);
/** A bare part of the interview, naming where a move-on goes: "moving on, serving?" */
const DESTINATION = new RegExp(
  `^(?:to |on to |onto )?(?:the )?${STEP_WORD}(?: ${PART})?(?: (?:next|now|then|please))?\\W*$`,
  'i',
);
export const isDestination = (clause: string) => DESTINATION.test(clause);
/** "Ok, monitoring.": an acknowledgement opening a sentence. */
const ACKNOWLEDGED = /^\s*(?:ok(?:ay)?|alright|all right|right|good|cool|great|fine)\b[\s,.!:-]+\S/i;
/** "Ok, monitoring.": a bare part of the interview after an acknowledgement (`core`: without it). */
/** "...rubber-stamping. Serving.": so does a terse writer's last word, with a full stop. */
export const namesNextPart = (sentence: string, core: string) =>
  (ACKNOWLEDGED.test(sentence) && isDestination(core)) || (/\.\s*$/.test(sentence) && namesPartAlone(core));

/**
 * A part of the interview named alone: "Model.", "eval", "ok, serving". Asked ("eval?"), only a name
 * that is nothing but a part: "data?" and "model?" ask about the case's data or its model.
 */
const PART_ALONE =
  /^\W*(?:(?:ok(?:ay)?|so|right|alright|now)[\s,.!-]+)?(?:(?:requirements|framing|data|model(?:ing|ling)?|models|evaluation|eval|serving|deployment|monitoring)[\s.!]*|(?:framing|evaluation|eval|serving|deployment|monitoring)[\s.!]*\?[\s.!?]*)$/i;
export const namesPartAlone = (text: string) => PART_ALONE.test(text);
export const isStuck = (clause: string) => STUCK.test(clause);
export const isCheckIn = (sentence: string) =>
  CHECK_IN.test(sentence) || CHECK_IN_GENERAL.test(sentence) || VERDICT_CHECK.test(sentence);

/**
 * "Is that right?", "does that make sense?", "would that work?": a check-in that asks the
 * interviewer to judge what the candidate just said. Alone in a message it puts that idea up for a
 * verdict; beside an answer it only closes it.
 */
const VERDICT_CHECK =
  /^(?:(?:is|was) (?:that|this|it) (?:right|correct|ok|okay|fine|alright|reasonable|sensible|valid|a (?:good|reasonable|sensible) (?:idea|approach|plan|choice))|(?:is|was) (?:that|this|my) [\w-]+(?: [\w-]+)? (?:right|correct|ok|okay|fine|alright|reasonable|sensible|valid)|(?:does|did) (?:that|this|it) (?:make sense|sound (?:ok|okay|right|good|reasonable|fine|sensible))|makes? sense|(?:would|could|will|does) (?:that|this|it) work|sounds? (?:ok|okay|right|good|reasonable|fine|sensible))(?: (?:to you|so far|here|then))?\s*\?\W*$/i;
export const asksVerdict = (sentence: string) => VERDICT_CHECK.test(sentence);

/**
 * Thanks that close the session: "thanks a lot, that was a fun discussion", "thx, good session",
 * "thank you so much for your patience!" ("thanks, that was helpful" alone thanks for a hint).
 */
export const CLOSING_THANKS =
  /^(?:(?:ok(?:ay)?|great|cool|alright|well|right)[,!.\s]+)*(?:thanks|thank you|thx|ty|cheers)(?: (?:a lot|so much|very much|again))?[,!.\s]*(?:(?:that|this|it) was (?:a |an |really |very |super |such a |so )*(?:fun|great|good|nice|enjoyable|lovely)(?: (?:session|discussion|interview|practice|chat|exercise|mock|one))?|(?:that|this|it) was (?:a |an |really |very |super |such a |so )*(?:helpful|useful|valuable|interesting) (?:session|discussion|interview|practice|chat|exercise|mock)|(?:(?:a |such a )?(?:good|great|nice|fun|lovely|helpful) (?:session|discussion|interview|practice|chat|mock))|for (?:your|the) (?:time|patience|session|interview|practice|discussion|mock))\W*$/i;

/** Thanks and nothing else: "thanks for the hint", "thank you!", "thx, that helps", "Hello, thank you for having me". */
export const THANKS_ONLY =
  /^(?:(?:ok(?:ay)?|great|cool|alright|right|perfect|got it|hi|hello|hey|good (?:morning|afternoon|evening))[,!.\s]+)*(?:thanks|thank you|thx|ty|cheers)(?: (?:a lot|so much|very much))?(?:[,!.\s]*(?:for (?:the|that|this|your) [\w-]+(?: [\w-]+)?|for hav(?:e|ing) (?:me|us)(?: (?:today|here|on))?|(?:that|this|it) (?:helps|helped|makes sense|was (?:really |very |super |so )?(?:helpful|useful))))?\W*$/i;

/** A first-person decision closed by "ok?" or "fine?": "I'll keep conversions out of scope, ok?". */
export const DECIDED_WITH_NOD =
  /^(?:(?:so|then|and|ok(?:ay)?|right)[,\s]+)*(?:i'?ll|i will|i'?m going to|we'?ll|we will|i'?ve decided to)\s+(?!assume\b|say\b|guess\b|need\b|want\b|ask\b)\w+\b.*[,;–—-]\s*(?:ok|okay|alright|all right|fine|good)\s*\?+\s*$/i;
/** An assumption about the case put for a nod stays a check of the case: "I'll take it as 30 days, ok?". */
export const ASSUMING_NOD = /\b(?:assum\w*|take it as|treat it as|suppose)\b/i;

/** "I don't know, maybe also anomaly detection?": the admission, then a guess (what follows "maybe"). */
const GUESS_AFTER_DOUBT =
  /\b(?:i (?:don'?t|do not) (?:really )?know|not sure|no idea)\b[\s,.!—–-]*(?:(?:but|wow|hmm+|um+|so)[\s,.!]+)*(?:maybe|perhaps|probably|i guess|my guess is)\s+((?:[\w'-]+\W+){1,}[\w'-]+)/i;
const GUESS_WORDS = 3;

/**
 * Whether a message that admits not knowing goes on to guess: "I don't know. Maybe wait until the
 * labels are complete?" A guess of the design (or of three words or more) is an answer put up, not
 * a plea for help; "I don't know, maybe?" stays one.
 */
export function guessesAfterDoubt(text: string): boolean {
  const guess = GUESS_AFTER_DOUBT.exec(text)?.[1];
  if (guess === undefined) return false;
  return hasDesignWord(guess) || guess.split(/\s+/).length >= GUESS_WORDS;
}
