/**
 * Requests for help with the interview itself: a help noun as the thing wanted ("any hints?", "a
 * nudge would help"), or a question about the candidate's own progress and what the interviewer
 * wants ("what am I missing?", "what should I focus on?"). Read by `asideOf` in asides.ts.
 */
import { anyOf } from './patterns.ts';
import { DESIGN_WORDS } from './vocabulary.ts';

/** What the candidate does in the interview: "focus on", "cover", "dig into", "spend time on". */
export const ACTIVITY = String.raw`(?:focus|cover|talk|discuss|look|dig|dive|go|spend|prioriti[sz]\w*|think|consider|mention|add|include|start|begin|tackle|address|explore|emphasi[sz]\w*|expand|elaborate|say|explain|concentrate|work on|touch on|bring up|do(?= (?:next|here|now|first|about|from|with this|at this)))\w*`;

/** The parts of a design a candidate chooses: "a good metric", "the best way to get labels". */
const DESIGN_CHOICE = `(?:metrics?|models?|architectures?|approach(?:es)?|loss(?:es| functions?)?|algorithms?|methods?|techniques?|baselines?|objectives?|label(?:s|ling|ing)?|features?|way to (?:get|build|pick|choose|label|measure|evaluate|model|handle|collect|define|set up|frame))`;

/** Requests for help, whatever the sentence form: a help noun as the thing wanted. */
const HELP = anyOf([
  /\b(?:(?:give|giving|offer|offering|throw|spare|send) (?:me|us)|(?:can|could|may) (?:i|we) (?:still |please |just |maybe )?(?:get|have)|i(?: could use| need| want|'d like| would like|'d appreciate| would appreciate| appreciate|'d love| would love)|^(?:any|some)|chance of|is there)\b(?: \w+){0,3}? (?:a |an |some |any )?(?:small |little |tiny |gentle |quick |slight |bit of (?:a )?)?(?:hints?|nudges?|clues?|pointers?|tips?|steer|guidance|help|push(?! notification)|starting point|direction|thoughts?|ideas?|suggestions?|advice)\b(?! of\b)/i,
  /(?<!\b(?:no|not a|zero|any|of|my|your|the|more) )\b(?:hints?|nudge|pointers?|clues?|ideas|thoughts)\s*(?:\?|please|pls|$)/i,
  // "Pointers on label delay beyond the maturity window?": help asked on a topic, in a word.
  /^(?:any |some )?(?:pointers?|tips?|hints?|nudges?|clues?) (?:on|about|for|re|regarding)\b[^.!]*\?\W*$/i,
  // Help as the thing that would help: "a small nudge would help", "a hint would be great".
  /\b(?:an?|some|any|one|little|small|quick|tiny) (?:\w+ )?(?:hints?|nudges?|pointers?|clues?|tips?|push|steer|direction|guidance|help)\b (?:would|could|might|will) (?:really |honestly |definitely )?(?:help|be (?:really |very |super |so |most )?(?:great|nice|useful|helpful|appreciated|welcome|good|amazing|lovely|handy|valuable))\b/i,
  /(?<!\b(?:don'?t|do not|dont|not|never|doesn'?t) )\b(?:got|have|has|you have|is there|are there) (?:any|some|a) (?:\w+ )?(?:hints?|nudges?|pointers?|clues?|tips?|suggestions?|ideas|direction|guidance)\b(?! (?:to|into|of) (?:the |each |every )?(?:\w+ )?(?:data|images?|files?|records?|rows?|tables?|objects?|documents?|items?|blobs?|users?)\b)/i,
  /\b(?:nudg|guid|steer)\w* (?:me|us)\b|\b(?:give|offer|throw|toss|send) me (?:something|anything|a bit|a little|an idea|some ideas|an angle|somewhere)\b(?! (?:about|on) (?:the )?(?:data|numbers|scale|users?|traffic))/i,
  // The interviewer as the one who would act: "where would you take this?", "if you were me".
  /\b(?:what|where|how|which \w+|when) would you (?!say|estimate|guess|put|call|expect|want|like|need|mean)\w+/i,
  /\bif you were (?:me|in my (?:shoes|place|position)|designing|doing|building|the candidate)\b/i,
  /\b(?:rephrase|reword|restate) (?:the|your|that|this|it)\b|\b(?:repeat|clarify) (?:the|your) question\b/i,
  /\b(?:can|could|would|will) you (?:please |maybe |kindly |just )?(?:mind )?(?:help(?! me (?:understand|get a sense))|nudg|guid|steer|point|hint|walk me (?:through (?:how|what) (?:to|i|you))|give me (?:some |a )?(?:direction|idea where))\w*/i,
  /\bhelp me\b(?! (?:understand|get a sense))|^help(?: (?:me|please|pls|out))*\W*$/i,
  // "Is that the right direction?" after a proposal asks whether the proposal holds: tentative.
  /\bpoint me\b|\bwhich direction\b|(?<!\b(?:is|was) (?:that|this|it) (?:the |a )?)\bright direction\b|💡/i,
  // "A hint on the retrieval side would unblock me", "pls help with the monitoring part".
  /\b(?:an?|some|any|one) (?:\w+ ){0,1}(?:hints?|nudges?|pointers?|clues?|push)\b(?: \w+){0,4}? (?:would|could|might|will) (?:really |probably )?(?:unblock|unstick|get me (?:going|started|unstuck|moving))\b|\b(?:pls|plz|please) help\b|^help (?:with|on)\b/i,
  /\b(?:can|could|would) you (?:please |maybe )?(?:suggest|recommend)\b(?! (?:a|an|the|some) (?:\w+ )?(?:number|value|figure|size|budget|limit|threshold)\b)/i,
  // Advice asked for on the way forward; "what % of suggestions get accepted, and how..." names the product's own.
  /\b(?:advice|tips?|guidance|suggestions?)\b(?! (?:get|gets|are|were|is|was|shown|sent|made|accepted|clicked)\b)[^.?!]{0,25}\b(?:how|where|approach|tackle|start|begin|proceed|part|step|section)\b/i,
  /\b(?:missing|overlooking|forgetting) (?:something|anything|a piece|a part|an angle)\b/i,
  /\bwhere (?:should|would|do|can|could) (?:i|we) (?:start|begin|go from here|take (?:this|it))\b/i,
]);

/** What a stuck candidate wants to do to a problem of the design, besides PRACTICE_VERB's. */
const HELP_VERB =
  'clean|fix|watch(?: for)?|catch|defend|protect|prevent|avoid|learn|use|fit|test|eval|figure out|keep(?: an eye)?|tell|spot|find|track|account for|incorporate|capture|mitigate|reduce|correct|stop|make sure|check|decide|define|weigh|train|label|update|refresh|scale|serve|cache|rank|explain';

/** What is done to a design problem, in "how do teams usually ...". */
const PRACTICE_VERB =
  'approach|handle|tackle|solve|model|frame|split|structure|build|design|architect|evaluate|measure|choose|pick|select|set|tune|combine|balance|do|get|collect|gather|detect|estimate|monitor|deal with|break (?:down|up)';

/**
 * The design's answer asked of the interviewer: what makes a choice good ("what's a good offline
 * metric for this?", "which loss is better here?"), how such problems are usually solved, how to
 * think about a part, what would help. A fact question names what the case has; these ask what the
 * candidate should choose, which the interviewer answers with a hint, not a fact.
 */
const DESIGN_ADVICE_PATTERNS = [
  // The way to do a part of the design, asked in the first person: "fraudsters will adapt, how do I
  // watch for that?", "how do i even measure that", "..., how to defend?". ("How do we currently
  // decide...?" asks what the case does today; "how do I reset my router" is read before this.)
  new RegExp(
    String.raw`\bhow (?:do|should|would|can|could|shall|am) i (?:even |actually |best |possibly |then |supposed to |going to )?(?:${PRACTICE_VERB}|${HELP_VERB})\b|(?:^|[,;:–—.]\s*|\b(?:so|and|but)\s+)how (?:to|would you) (?:${PRACTICE_VERB}|${HELP_VERB})\b(?: (?:that|this|it|them|those|these))?\W*$|^how you would (?:${PRACTICE_VERB}|${HELP_VERB})\b`,
    'i',
  ),
  // "during a crisis everything spikes, what do I do?"
  /\bwhat (?:do|should|would|can|could|shall) i (?:even )?do\b(?! for (?:a living|work|fun))/i,
  // "Hmm, what should I monitor? Not sure.": the part's own work asked of the interviewer, with
  // nothing of the case named. ("What do we log today?" asks what the case has.)
  /^\W*(?:(?:hmm+|um+|uh+|ok(?:ay)?|so|and)[,\s]+)*what (?:should|would|could|do|can|shall) (?:i|we) (?:even |actually |then )?(?:monitor|measure|track|watch|alert on|look at|start with|focus on|evaluate|test)(?: (?:here|first|then|now|for this|in this (?:part|step)))?\W*$/i,
  // "new restaurants don't have history, what do we do there?": the way out, after the problem.
  /(?:^|[,;:–—-]\s*|\b(?:so|and|but|then)\s+)what (?:do|should|would|can|could|shall) (?:we|i) do (?:there|then|in that case|about (?:that|it|this|them|those)|with (?:them|those|that|these))\W*$/i,
  // ("Is there a baseline model already in production?" asks what exists: no judging word.)
  new RegExp(
    String.raw`\b(?:what(?:'s| is| are| would be| might be)?|whats|which|is there|are there|any)\b(?: \w+){0,3}? (?:best|good|right|better|standard|usual|typical|common|recommended|ideal|go-to|sensible|correct|proper)\b(?: [\w-]+){0,2}? ${DESIGN_CHOICE}\b(?!(?: [\w-]+)? (?:already|today|currently|in production|in place|we use|they use|the (?:team|business|company) uses?)\b)`,
    'i',
  ),
  // How a design problem is usually solved: "how do people usually split this up?", "how do teams
  // typically handle cold start?", "how do teams usually combine the two estimates?" ("How do people
  // usually pay?" asks about the case's users: people need a design word or "this" after the verb.)
  new RegExp(
    String.raw`\bhow (?:do|would|should|might) (?:(?:most )?(?:people|folks) (?:usually |typically |normally |generally |commonly )?)(?:${PRACTICE_VERB})\b(?: (?:this|it|that|such)\b| (?:up|down) (?:this|it)\b|[^.?!]{0,30}\b(?:${DESIGN_WORDS})\b)`,
    'i',
  ),
  new RegExp(
    String.raw`\bhow (?:do|would|should|might) (?:(?:(?:big|large|other|real|top|many|most) )?(?:teams|companies|others|practitioners|engineers|shops|orgs|organi[sz]ations) (?:usually |typically |normally |generally |commonly )?|you (?:usually|typically|normally|generally|commonly) )(?:${PRACTICE_VERB})\b`,
    'i',
  ),
  /\b(?:usual|standard|common|typical|best|right|good|normal|conventional|proper) way (?:people|folks|teams|you|one|engineers) \w+/i,
  // The known remedy asked for: "what's the standard way to de-bias click logs?", "what's the usual
  // trick to keep answers grounded?", "is there a known technique?". ("What's the usual way to pay?"
  // asks about the case's users.)
  // ("Is a time-based split the right way to evaluate?" puts up the candidate's own idea.)
  /\b(?:what(?:'s| is| are| would be)?|whats|which|any|is there|are there)(?: \w+){0,2}? (?:usual|standard|common|typical|best|right|good|normal|conventional|proper|sensible|recommended|known|accepted|established|classic|clean|smart|reasonable|simple|easy) (?:way|approach|trick|technique|method|recipe|practice|fix|remedy|solution|pattern)s? (?:to|for|of) (?!(?:pay|book|order|buy|shop|sign|log|check ?out|contact|reach|get there|get around|travel|commute)\b)[\w-]+/i,
  /\b(?:is there|are there|any)\b[^.?!]{0,12}\b(?:known|standard|common|usual|typical|established|well-known|proven|classic) (?:technique|trick|approach|method|recipe|fix|remedy|solution|pattern|practice|way)s?\b/i,
  // The design decided by the interviewer: "what should my north star metric be?", "what would you use instead?"
  new RegExp(
    String.raw`\bwhat (?:should|would) (?:my|our|the|a) (?:[\w-]+ ){0,3}?${DESIGN_CHOICE} be\b`,
    'i',
  ),
  /\bwhat (?:would|do|should) you (?:use|pick|choose|go with|recommend|suggest)\b(?: (?:instead|here|then|there|for (?:this|that|it)))?\W*$/i,
  // How it is usually done, to be walked through: "would you mind walking me through how one usually sets the threshold?"
  /\b(?:walk(?:ing)? me through|explain|show me|tell me) how (?:one|people|teams|you|engineers|companies) (?:usually|typically|normally|generally|would)\b/i,
  // How to think about a part of the design: "how should I think about position bias here?"
  /\bhow (?:should|would|do|can|could|shall) (?:i|we|one) (?:even |best |really |actually )?(?:think about|approach|frame|reason about|go about|tackle|look at|think through|structure|organi[sz]e)\b/i,
  // What would help the design, asked of the interviewer: "what kind of data would help us here?"
  /\bwhat (?:kinds?|types?|sorts?) of [\w-]+(?: [\w-]+)? (?:would|could|might|should) (?:help|work|be (?:useful|helpful|good|best|needed|enough)|make sense)\b/i,
  /\bwhat are you (?:getting|driving|hinting|aiming|going) at\b/i,
  // What a strong candidate would say, or what is worth raising: "if a strong candidate were
  // answering, what would they say about label delay?", "what are the failure modes worth mentioning?"
  /\b(?:strong|good|great|senior|top|ideal|experienced|staff) (?:candidate|engineer|answer|interviewee)s?\b[^.?!]{0,40}\bwhat would (?:they|he|she|it|you) (?:say|do|mention|cover|bring up)\b|\bworth (?:mentioning|covering|discussing|bringing up|talking about|raising)\b/i,
  new RegExp(
    String.raw`\bwhich (?:[\w-]+ )?${DESIGN_CHOICE} (?:is|would be|will be|works?|fits?)(?: \w+)? (?:better|best|more (?:appropriate|suitable|sensible)|most (?:appropriate|suitable|sensible))\b`,
    'i',
  ),
];
const DESIGN_ADVICE = anyOf(DESIGN_ADVICE_PATTERNS);

/** Whether a sentence asks the interviewer what the design should be (see DESIGN_ADVICE_PATTERNS). */
export const asksDesignAdvice = (text: string) => DESIGN_ADVICE.test(text);

/** Questions about the candidate's own progress or the interviewer's expectations. */
const GUIDANCE = anyOf([
  // A gap in what the candidate said: "what am I not seeing?", "is there an angle I haven't considered?"
  /\b(?:i'?m|i am|am i|i|i'?ve|have i|did i)(?: \w+){0,2}? (?:missing|miss|missed|skipped|overlook\w*|forg[eo]t\w*|(?:not|n'?t) (?:seeing|see|thinking|considering|considered|covering|covered|noticing|getting|mentioning|mentioned|addressing|addressed)|(?:haven'?t|have not|didn'?t|did not|never) (?:\w+ )?(?:considered|thought|covered|mentioned|addressed|seen|looked|touched|talked|consider|cover|mention|address|touch|talk)|leaving out|left out|neglect\w*)\b/i,
  /\bwhat (?:are we|else are we) missing\b/i,
  // The usual way, asked in the passive: "how is answer faithfulness usually evaluated in systems like this?"
  /\bhow (?:is|are) [^?]{1,40}? (?:usually|typically|normally|commonly|generally) (?:done|evaluated|measured|handled|solved|built|designed|approached|model+ed|framed|tested|monitored|served|labell?ed|tackled)\b/i,
  // "anything else you'd watch?": what else the part needs, asked of the interviewer.
  /\banything else\b[^.?!]{0,10}\b(?:you'?d|you would|you want|i should|we should)\b/i,
  /\bwhere to (?:start|begin|go from here)\b/i,
  /\bwhat(?:'s| is) the (?:trick|catch|key|secret|insight|gotcha|twist)\b (?:to|for|in) (?:this|it|this one|the (?:problem|question|step|part))\b|\byou\b[^.?!]{0,15}\b(?:hop|want|expect|wait|look)\w* (?:for )?(?:me to|(?:that )?i'?ll|(?:that )?i (?:will|would|should|mention|say|cover))\b/i,
  new RegExp(String.raw`\b(?:what|which)\b[^.?!]{0,40}\bfor me to ${ACTIVITY}`, 'i'),
  /\bhow would (?:an? |the )?(?:\w+ )?(?:engineer|candidate|expert|senior|person|interviewer|pro|practitioner|team)s? (?:think|approach|tackle|do|handle|answer|go about|frame)\b/i,
  /\b(?:have i|i'?ve|did i) (?:covered|said|done|mentioned|talked about) enough\b|\b(?:a |the )?(?:good|best|right|better|sensible) way to (?:think about|approach|tackle|frame|structure|start|begin|break down|organi[sz]e)\b/i,
  /\bwhat else\b[^.?!]{0,15}\b(?:important|matters?|worth|missing|critical|key|relevant|needed|should (?:i|we)|would you|do you (?:want|expect|think)|to (?:cover|add|consider|discuss|mention|think about))\b/i,
  new RegExp(
    String.raw`\b(?:is there|are there|anything|something)\b[^.?!]{0,30}\b(?:i|we) (?:should|need to|ought to|must|could|might want to)\b[^.?!]{0,10}\b${ACTIVITY}`,
    'i',
  ),
  // A gap or a fault in the candidate's own work: "there's a piece missing in my plan", "what's wrong with my metric".
  /\b(?:gaps?|holes?|weak (?:spots?|points?))\b[^.?!]{0,20}\b(?:in|of) (?:what i (?:said|proposed|described|have)|my)\b|\b(?:weakest|thinnest|biggest (?:gap|hole|weakness))\b[^.?!]{0,20}\b(?:so far|here|yet)\b|\bmy\b[^.?!]{0,30}\b(?:is|was) (?:the )?(?:weakest|thinnest)\b|\b(?:missing|lacking|wrong|weak|incomplete|off|broken)\b[^.?!]{0,20}\b(?:in|from|with|about) my\b|\bthere(?:'s| is) (?:something|a piece|a part|a gap|an? \w+) missing\b/i,
  // What a good answer does: "what would a good answer touch on here?"
  /\bwhat (?:would|should|does|do|must|might|will) (?:a|an|the|my) (?:\w+ )?(?:answer|response|solution|candidate|structure)\b/i,
  // What the candidate should do next: "which part should I spend time on?", "what I should dig into".
  new RegExp(
    String.raw`\b(?:what|which|where|how much|how deep|how far)(?:'s|'re)?\b(?: \w+){0,6}? (?:(?:should|shall|must|could) (?:i|we)|(?:i|we) (?:should|shall|must|could|need to|ought to)|do (?:i|we) need to|(?:do|would) you (?:want|like|expect) me to)(?: \w+){0,2}? (?:be )?${ACTIVITY}`,
    'i',
  ),
  /\bwhat (?:else )?(?:should|would|could|do|shall) (?:this (?:step|part|section)|the (?:step|part|section)) (?:be )?\w+/i,
  new RegExp(
    String.raw`\bwhat(?: else)?(?:'s| is| are| would be| might be| could be)(?: (?:worth|important to|good to)|(?: an?| the)?(?: \w+){0,3}? (?:things?|steps?|topics?|areas?|parts?|points?) to) ${ACTIVITY}`,
    'i',
  ),
  new RegExp(
    String.raw`\b(?:what|which|where)\b[^.?!]{0,30}\b(?:should|shall|could|do you want|would you like)\b[^.?!]{0,30}\b(?:i|me)\b[^.?!]{0,15}\b${ACTIVITY}`,
    'i',
  ),
  /\b(?:make|making|improve|strengthen) (?:this|my|the) (?:answer|design|solution|plan|response)\b/i,
  // The usual mistakes at this point: "what are the common pitfalls people hit in this part".
  /\b(?:pitfalls?|mistakes?|gotchas?|traps?)\b[^.?!]*\b(?:this (?:part|step|section|stage)|here|people|candidates)\b/i,
  // Where the interviewer thinks the effort should go: "what part do you think deserves the most attention".
  /\b(?:what|which)\b[^.?!]{0,40}\b(?:do|would) you think\b[^.?!]{0,20}\b(?:deserves?|needs?|matters?|important|attention|focus|priority|first|next|most)\b/i,
  // What the interviewer, or a good candidate, wants: "what's the interviewer looking for?"
  /\b(?:you|you'?d|you'?re|you are|interviewers?|the interviewer|(?:a|an|the) (?:\w+ )?candidate|candidates|(?:a|an|the) (?:\w+ )?(?:answer|response|solution|design|structure))\b(?: \w+){0,2}? (?:wants?|expects?|expecting|look(?:s|ing)? for|after(?= here\b| in (?:this|the)\b|\W*$)|(?:like|love|hope) to (?:see|hear)|(?:want|like|prefer) me to|brings? up|mentions?|includes?|covers?|focus(?:es)? on|talks? about|say|look like|would (?:be|look like|include|cover))\b(?! (?:the|our|it|them|this|that|users?|to be)\b)/i,
  /\b(?:do you|you'?d|you would) (?:expect|want) (?:here|in this|for this|from me)\b|\bsomething specific\b/i,
  // The interviewer's view, asked outright: "what do you think?", "not sure, how would you?"
  /(?:^|[,;:–—-]\s*)(?:so |and |but )?(?:what do you think|how would you|what would you do|your thoughts|thoughts)(?: (?:matters?(?: most)?|is (?:important|best|right|missing|next)|(?:we|i) should (?:do|focus on|look at)|comes next))?\W*$/i,
  // The way out of a worry just raised, asked of the interviewer: "…, how do we handle that?",
  // "how you would handle this?" (the words of a non-native speaker).
  /^(?:(?:so|and|but|then|ok|okay|hmm+|um+)[,\s]+)*how (?:(?:do|should|would|could|can|shall) (?:we|i|you)|(?:we|i|you) (?:would|should|could|can)) (?:handle|deal with|fix|solve|tackle|address|avoid|get around|work around|mitigate|prevent) (?:that|this|it|those|these|them)\W*$/i,
  ...DESIGN_ADVICE_PATTERNS,
  /\bwhat (?:would|do) you (?:suggest|recommend|propose|advise)\b|\b(?:can|could|would) you (?:suggest|propose|recommend) (?:a |an |the |some )?(?:framing|approach|direction|starting point|structure|way|idea|where|how)\b/i,
]);

/** A sentence that asks for help: a help noun wanted, or (when it asks at all) guidance. */
export const isHint = (sentence: string, asks: boolean) =>
  HELP.test(sentence) || (asks && GUIDANCE.test(sentence));

/**
 * Whether the part is covered, asked alone: "is that enough for data?", "does that cover it?",
 * "is this enough?". Beside an answer it only closes it (patterns.ts, CHECK_IN_GENERAL); alone,
 * the candidate wants to know what is still open, which a hint answers.
 */
/** "is that enough for data?", "does that cover it?", "have I said enough?", "what else?". */
const ENOUGH_ASKED = [
  String.raw`(?:is|was) (?:that|this|it) enough(?: (?:for (?:the )?(?:requirements|scope|framing|data|features|model(?:ing)?|evaluation|eval|serving|monitoring|this (?:part|step|section|stage)|now|here)|to (?:move on|go on|continue)))?`,
  String.raw`(?:does|did) (?:that|this) cover (?:it|everything|enough|the (?:part|step|basics))`,
  String.raw`(?:have i|did i) (?:covered|cover|said|done) enough(?: (?:here|for (?:this|now)))?`,
  String.raw`what else(?: (?:should i|do i need to|would you like me to|do you want me to) (?:cover|say|talk about|discuss|add|mention))?(?: (?:here|for (?:this|now)))?`,
].join('|');
/** "..., or should I dig more?", "..., or do you want me to go deeper on the objective?". */
const OR_MORE = String.raw`,? or (?:(?:should|do|shall|can) i|(?:do|would) you (?:want|like) me to) (?:[\w']+ ){0,3}(?:more|deeper|further|anything else|something else)(?: (?:here|on (?:it|this|that|the [\w-]+)))?`;
const COVERAGE_ASKED = new RegExp(
  String.raw`^(?:(?:so|ok|okay|and|hmm+|um+)[,\s]+)*(?:${ENOUGH_ASKED})(?:${OR_MORE})?\s*\?\W*$|^enough\s*\?+\W*$`,
  'i',
);
export const asksCoverage = (sentence: string) => COVERAGE_ASKED.test(sentence.trim());
