/**
 * Messages that step outside the case, read by what they are about rather than by fixed phrases:
 * the candidate's own progress and what the interviewer wants (`hint`), the interview itself
 * (`meta`), or the world and the people in the room (`off-topic`). Each is matched on a whole
 * sentence with its filler stripped; `asks` says whether the sentence asks or requests at all.
 */
import { anyOf } from './patterns.ts';
import { hasCaseAnchor, hasDesignWord } from './vocabulary.ts';

/** What the candidate does in the interview: "focus on", "cover", "dig into", "spend time on". */
const ACTIVITY = String.raw`(?:focus|cover|talk|discuss|look|dig|go|spend|prioriti[sz]e|think|consider|mention|add|include|start|begin|tackle|address|explore|emphasi[sz]e|expand|elaborate|say|explain|concentrate|work on|touch on|bring up|do(?= (?:next|here|now|first|about|from|with this|at this)))\w*`;

/** Requests for help, whatever the sentence form: a help noun as the thing wanted. */
const HELP = anyOf([
  /\b(?:(?:give|giving|offer|offering|throw|spare|send) (?:me|us)|(?:can|could|may) (?:i|we) (?:get|have)|i (?:could use|need|want|'d like|would like|'d appreciate|would appreciate|appreciate|'d love|would love)|^(?:any|some)|chance of|is there)\b(?: \w+){0,3}? (?:a |an |some |any )?(?:small |little |tiny |gentle |quick |slight |bit of (?:a )?)?(?:hints?|nudges?|clues?|pointers?|tips?|steer|guidance|help|push(?! notification)|starting point|direction)\b/i,
  /(?<!\b(?:no|not a|zero|any) )\b(?:hints?|nudge|pointers?|clues?)\s*(?:\?|please|pls|$)/i,
  // The interviewer as the one who would act: "where would you take this?", "if you were me".
  /\b(?:what|where|how|which \w+|when) would you (?!say|estimate|guess|put|call|expect|want|like|need|mean)\w+/i,
  /\bif you were (?:me|in my (?:shoes|place|position)|designing|doing|building|the candidate)\b/i,
  /\b(?:rephrase|reword|restate) (?:the|your|that|this|it)\b|\b(?:repeat|clarify) (?:the|your) question\b/i,
  /\b(?:can|could|would|will) you (?:please |maybe |kindly |just )?(?:mind )?(?:help(?! me (?:understand|get a sense))|nudg|guid|steer|point|hint|walk me (?:through (?:how|what) (?:to|i|you))|give me (?:some |a )?(?:direction|idea where))\w*/i,
  /\bhelp me\b(?! (?:understand|get a sense))|^help(?: (?:me|please|pls|out))*$/i,
  /\bpoint me\b|\bwhich direction\b|\bright direction\b/i,
  /\b(?:advice|tips?|guidance|suggestions?)\b[^.?!]{0,25}\b(?:how|where|approach|tackle|start|begin|proceed|part|step|section)\b/i,
  /\b(?:missing|overlooking|forgetting) (?:something|anything|a piece|a part|an angle)\b/i,
  /\bwhere (?:should|would|do|can|could) (?:i|we) (?:start|begin|go from here|take (?:this|it))\b|\bwhere to (?:start|begin|go from here)\b/i,
]);

/** Questions about the candidate's own progress or the interviewer's expectations. */
const GUIDANCE = anyOf([
  // A gap in what the candidate said: "what am I not seeing?", "is there an angle I haven't considered?"
  /\b(?:i'?m|i am|am i|i|i'?ve|have i|did i)(?: \w+){0,2}? (?:missing|miss|overlook\w*|forg[eo]t\w*|(?:not|n'?t) (?:seeing|see|thinking|considering|considered|covering|covered|noticing|getting|mentioning|mentioned|addressing|addressed)|(?:haven'?t|have not|didn'?t|did not|never) (?:\w+ )?(?:considered|thought|covered|mentioned|addressed|seen|looked|touched|talked)|leaving out|left out|neglect\w*)\b/i,
  /\bwhat (?:are we|else are we) missing\b/i,
  // What the candidate should do next: "which part should I spend time on?", "what I should dig into".
  new RegExp(
    String.raw`\b(?:what|which|where|how much|how deep|how far)\b(?: \w+){0,4}? (?:(?:should|shall|must|could) (?:i|we)|(?:i|we) (?:should|shall|must|could|need to|ought to)|do (?:i|we) need to|(?:do|would) you (?:want|like|expect) me to)(?: \w+){0,2}? (?:be )?${ACTIVITY}`,
    'i',
  ),
  /\bwhat (?:else )?(?:should|would|could|do|shall) (?:this (?:step|part|section)|the (?:step|part|section)) (?:be )?\w+/i,
  new RegExp(
    String.raw`\bwhat(?: else)? (?:is|would be|might be|could be)(?: (?:worth|important to|good to)|(?: an?| the)?(?: \w+){0,3}? (?:things?|steps?|topics?|areas?|parts?|points?) to) ${ACTIVITY}`,
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
  /\b(?:you|you'?d|you'?re|you are|interviewers?|the interviewer|(?:a|an|the) (?:\w+ )?candidate|candidates|(?:a|an|the) (?:\w+ )?(?:answer|response|solution|design|structure))\b(?: \w+){0,2}? (?:wants?|expects?|expecting|look(?:s|ing)? for|after|(?:like|love|hope) to (?:see|hear)|(?:want|like|prefer) me to|brings? up|mentions?|includes?|covers?|focus(?:es)? on|talks? about|say|look like|would (?:be|look like|include|cover))\b(?! (?:the|our|it|them|this|that|users?|to be)\b)/i,
  /\b(?:do you|you'?d|you would) (?:expect|want) (?:here|in this|for this|from me)\b|\bsomething specific\b/i,
  // The interviewer's view, asked outright: "what do you think?", "not sure, how would you?"
  /(?:^|[,;:–—-]\s*)(?:so |and |but )?(?:what do you think|how would you|what would you do|your thoughts|thoughts)(?: (?:matters?(?: most)?|is (?:important|best|right|missing|next)|(?:we|i) should (?:do|focus on|look at)|comes next))?\W*$/i,
  /\bwhat (?:would|do) you (?:suggest|recommend|propose|advise)\b|\b(?:can|could|would) you (?:suggest|propose|recommend) (?:a |an |the |some )?(?:framing|approach|direction|starting point|structure|way|idea|where|how)\b/i,
]);

/** About the interviewer as a machine, the score, the rubric or the candidate's standing. */
const META = anyOf([
  /\bare you (?:an? )?(?:ai|bot|robot|human|real|person|llm|gpt|chatgpt|chatbot|machine|program|computer|language model)\b/i,
  /\b(?:talking|speaking|chatting) (?:to|with) (?:an? )?(?:ai|bot|human|real person|person|machine|program)\b/i,
  /\b(?:what|which) (?:llm|language model|ai|gpt|model)\b[^.?!]{0,20}\b(?:are you|powers? (?:you|this)|behind (?:you|this)|do you (?:run|use))\b|\b(?:llm|model|ai) (?:are you|powers (?:you|this))\b/i,
  /\b(?:see|show|share|send|view|read|get|look at|is there)\b[^.?!]{0,20}\brubric\b/i,
  /\bmy (?:score|grade|rating|marks?|results?|performance|feedback|chances|odds|level)\b/i,
  /\bwhat (?:score|grade|rating|mark|level)s? (?:would|will|do|did) you\b/i,
  /\bhow (?:are|will|do|would) you (?:be )?(?:grad|scor|evaluat|assess|mark|judg)\w*(?= (?:me|my|this\W*$|the (?:interview|candidates?)|candidates|answers)|\W*$)/i,
  /\bhow (?:is|are|does|will) (?:this|the|my) (?:mock|interview|session|answers?|scoring|grading|evaluation)\b[^.?!]{0,20}\b(?:scor|grad|evaluat|assess|mark|work)\w*/i,
  /\bhow (?:am i|did i|do i) (?:doing|do|perform|performing|fare|faring|stack up|compare)\b|\bam i (?:doing (?:ok|okay|well|good|alright|fine)|on track|passing|going to pass)\b/i,
  /\b(?:did|do|will|would|am|have) i (?:pass|passed|fail|failed|make it|get (?:the job|hired|an offer|through))\b|\bif i (?:pass|passed|failed|did (?:ok|okay|well))\b|\bother candidates\b|\bhow do i (?:stand|compare|rank)\b/i,
  /\b(?:pass|fail) (?:this|the) (?:interview|mock)\b|\bpass at (?:\w+ )?level\b|\b(?:senior|staff|junior|principal) (?:level|role)\b|\b(?:passing|hiring) (?:bar|threshold|mark)\b/i,
  /\b(?:can|could|will|do) i (?:get|see|receive) (?:a |the |my |any )?(?:\w+ )?(?:feedback|report|summary|transcript|results?|score)\b|\b(?:feedback|report|summary|score|grade|results?)\b[^.?!]{0,20}\b(?:will|do|can|would|could) i (?:get|see|receive)\b/i,
  // The interviewer's own rules and nature: "are you allowed to tell me", "will my answers train you".
  /\b(?:are|is) you (?:allowed|able|supposed|permitted) to\b|\b(?:train|training|improve|fine-?tune) you\b|\bmy (?:answers|data|responses|messages) (?:be |being |get |are )?(?:stored|saved|kept|used|shared)\b/i,
  /\bwho (?:wrote|made|built|created|designed) (?:this|you)\b|\bwho(?:'s| is)? (?:going to )?(?:see|read|review)s? (?:my|the) (?:results?|transcript|answers?|report)\b/i,
  // The interviewer judging the candidate, or how the candidate came out of it.
  /\byou\b[^.?!]{0,25}\b(?:evaluat|assess|grad|scor|judg|rat|mark|test|quiz|interview)\w*\b[^.?!]{0,15}\b(?:me|my)\b|\byou (?:don'?t|didn'?t|won'?t|aren'?t|never|do not|did not) (?:answer|respond|reply|tell|give)\w*\b/i,
  /\b(?:how|what|where|am|did|have|was)\b[^.?!]{0,10}\bi\b[^.?!]{0,10}\b(?:scored|graded|rated|evaluated|assessed|judged|marked|performed|performing|passed|failed|being (?:evaluated|graded|scored|assessed|judged|marked|tested))\b/i,
  /\byou (?:going to |gonna |will |'ll )?(?:ask|quiz|test|grill) (?:me|us)\b|\b(?:will|are) you (?:going to )?(?:tell|give|send|show) me\b[^.?!]*\b(?:end|after\w*|later|if i|whether i|how i|score|grade|report|summary)\b/i,
]);

/** About the interview's process: its length, the time left, the steps ahead, what the candidate may use. */
const PROCESS = anyOf([
  /\bhow (?:much|many) (?:more )?(?:time|minutes|mins|longer)(?: (?:do|did|have|are|is|will) (?:we|i|you)| (?:is|are)(?: there)?)?(?: (?:still|already|got|have|left|remaining|remains?|used|spent|been|gone|over|to go))*(?: so far| in total| here)?[\s?.!]*$/i,
  /\bhow long (?:do|have|will|are|is|does) (?:we|i|this|the interview|the session)\b(?: \w+){0,2}?(?: (?:have|got|left|been|going|last|take|spent|remaining))?[\s?.!]*$/i,
  /\bhow long (?:until|till|before) (?:we|the (?:interview|session)|this)\b[^.?!]{0,10}\b(?:wrap|finish|end|stop|done|over)\b|\bare we (?:almost |nearly |close to )?(?:done|finished|at time|out of time|halfway)\b|\bwhen (?:do|will|does) (?:we|this|the interview|the session) (?:finish|end|stop|wrap up)\b|\bhow far (?:along|through|in) are we\b/i,
  /\b(?:time|minutes|mins) (?:is |are )?(?:left|remaining|remain)\b|\b(?:running|run) (?:out of|low on|over) time\b|\b(?:we'?re|are we|go|going|went) over time\b|\btime check\b|\btake as long as i (?:want|like|need)\b/i,
  /\b(?:this|the) (?:interview|mock)\b|\bthis (?:session|round|exercise|practice)\b|\brubrics?\b|\bper (?:section|step|stage)\b/i,
  /\b(?:after|before|at the end of|during) (?:the|this|our) (?:session|interview|mock|call)\b/i,
  /\b(?:take|have|get) a (?:short |quick |little |brief |\d+[- ]min(?:ute)? )?break\b|\bbathroom\b|^how does (?:this|it) (?:work|go)\W*$/i,
  /\bi\b[^.?!]*\b(?:notes?|notepad|scratch ?pad|calculator|google|the internet|(?:search|browse|use) the web|documentation|pen and paper|whiteboard|chatgpt|copilot|look (?:\w+ )?up|during (?:this|the interview)|penali[sz]\w*|(?:lose|cost me|costs me|dock) (?:\w+ )?points)\b/i,
]);

/** Words of the interview that are also case words ("timed", "count", "practice"): only free of the case. */
const PROCESS_WORDS = anyOf([
  /\b(?:is|are|was|will|does|do|did|would) (?:this|it|that|my answer|my work|everything)\b[^.?!]{0,30}\b(?:graded|scored|assessed|evaluated|judged|marked|timed|recorded|count(?:s|ed)?|practice|calibrated|penali[sz]ed)\b/i,
  /\b(?:is|was|will) this\b[^.?!]{0,30}\b(?:real(?![ -](?:time|world|data|users|traffic))|official|format|formal|onsite|on-site)\b/i,
  /\b(?:which|what) level\b/i,
  // The interview's own things, asked about with nothing of the case: "will the transcript be saved".
  /\b(?:(?:the|a|my) transcript|(?:the|a) recording|interviewers?|interviews?|mock|onsite|on-site)\b/i,
  /\bhow many (?:more )?(?:steps|stages|sections|parts|questions|topics|rounds)\b(?:[^.?!]*\b(?:left|remaining|to go|in total|are there|interview|session|mock|after|before|this one|still))/i,
  /\btime limits?\b|\b(?:sections?|steps?|stages?|rounds?) (?:after this|left|remaining|to go|of (?:the|this) interview)\b/i,
]);

/** Everyday things: small talk when said to the interviewer, but weather or restaurants can be case features. */
const EVERYDAY =
  /\b(?:weather|rain\w*|snow\w*|sunny|freezing|hot|room|office|desk|chair|jokes?|movies?|films?|netflix|podcasts?|books?|novels?|tv|a show|tonight|series|video games?|sports?|football|soccer|basketball|baseball|world cup|olympics|lunch|dinner|breakfast|coffee|tea|pasta|pizza|ramen|sushi|burgers?|tacos?|food|beer|wine|drinks?|cake|recipes?|restaurants?|vacation|holidays?|weekend|commute|neighbou?rs?|cats?|dogs?|pets?|barking|kids?|baby|wife|husband|doorbell|wifi|internet|mic|microphone|headphones|battery|music|songs?|albums?|bands?|playlists?|elections?|politics|president|prime minister|government|tired|exhausted|sleepy|sleep|slept|hungry|headache|sick|hobby|hobbies|birthday|resume|cv|cover letter|homework|essay|poem)\b/i;

/** The candidate's own surroundings and state: never a case feature, so small talk in any short sentence. */
const SURROUNDINGS =
  /\b(?:hot|room|office|desk|chair|doorbell|wifi|internet|mic|microphone|headphones|battery|neighbou?rs?|baby|kids?|barking|coffee|tea|lunch|breakfast|dinner|tired|exhausted|sleepy|hungry|headache|sick)\b/i;

/** Personal framing: about the speaker or the interviewer, not about the case. */
const PERSONAL = /\b(?:you|your|i|i'?m|i'?ve|my|me|here)\b/i;

/** A question to the interviewer about themselves: their name, age, hobbies, tastes, plans. */
const YOU_PERSONAL =
  /\b(?:about )?yourself\b|\byour (?:name|age|day|weekend|week|morning|evening|family|kids?|pets?|dogs?|cats?|hobbies|job|background|favou?rite|plans?|accent|voice|life)\b|\b(?:how old|where) (?:are|were|do|did) you\b|\b(?:do|did|have|are|were) you (?:ever |also |even |usually )?(?:like|love|enjoy|prefer|play|cook|visit\w*|been|travel\w*|live|from|based|seen|have (?:any )?(?:hobbies|kids|pets|siblings|plans)|sleep|eat|drink)\b|\bwhat do you do (?:for fun|on weekends|in your (?:free|spare) time)\b/i;

/** How the candidate does something of their own; "how do I approach this" is a hint, read before. */
const HOW_TO =
  /^how (?:do|can|should|would) i (?!(?:start|begin|approach|tackle|proceed|continue|answer|structure|frame|go|think)\b)\w+ (?!(?:this|it|that|here)\b)/i;

/** A question about cause ("does bad weather change delivery times?") is about the case. */
const CAUSAL = /\b(?:affects?|change[sd]?|impacts?|influences?|depends?)\b/i;

/** Asking the interviewer to tell, share or explain something: about the case whatever its words. */
const TELLING =
  /\byou (?:please )?(?:tell|share|explain|clarify|confirm|describe|repeat|rephrase|say|mean|think|know (?:if|whether|how|what|when|where|which|who))\b/i;

/** General knowledge: a famous place, date, person or measure, or sums. */
const WORLD = anyOf([
  /\bcapital of\b|\bwho won\b|\bthe game last night\b|\bpopulation of\b/i,
  /\b(?:tallest|biggest|largest|oldest|best|fastest|longest|deepest|highest|richest)\b[^.?!]*\b(?:in the world|ever|of all time|in (?:europe|asia|africa|america|the country|history))\b/i,
  /\b(?:best|worst|favou?rite|greatest)\b[^.?!]*\b(?:in your (?:opinion|view)|do you think|would you say)\b/i,
  /\bhow (?:tall|far(?: away)?|deep|high|heavy|old) (?:is|are|was|were) (?!(?:the |our |a |an )?(?:\w+ )?(?:data|logs?|labels?|model|index|features?|history|items?|events?)\b)/i,
  /\bwho (?:wrote|painted|invented|discovered|composed|directed|founded|sang|sings|played|won)\b|\b(?:what|which) year\b|\bwhen (?:did|was|were) (?:the )?[a-z]+(?: \w+){0,3} (?:come (?:down|out)|fall|fell|end|start|happen|invented|founded|born|built|released|die|died)\b/i,
  /\bwhat time is it\b/i,
  /^(?:what'?s|what is|how much is) \d+ (?:plus|minus|times|divided by|multiplied by|[-+*x×/]) \d+\b/i,
  /\b(?:do|did|have|are|were) you (?:ever |also )?(?:like|love|enjoy|prefer|visit\w*|been|travel\w*|live|from|based|seen)\b/i,
  /\bwhere are you (?:from|based|located)\b|\bare you (?:in|at|from|based|located|living)\b|\byou in(?: right now| now| today)?\s*\?/i,
  /\byour favou?rite\b|\bhow(?:'s| is| are) (?:your|you)(?: (?:doing|today|day|week|weekend|morning|evening|going|been|holding up))*\W*$/i,
]);

/**
 * A name inside a sentence (not at its start, not a language, a day or a month): "how tall is the
 * Eiffel tower", "when did the Berlin wall fall". Case-sensitive, so apart from `anyOf` lists.
 */
const NAME =
  /(?<![.!?:]\s)(?<=\s)(?!I\b|I'|AI\b|(?:English|Spanish|French|German|Chinese|Japanese|Korean|Hindi|Arabic|Portuguese|Italian|Dutch|Russian|European|Europe|American|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter|Thanksgiving|Diwali|Ramadan|New)\b)[A-Z][a-z]{2,}/;

/** Asked about, the world outside the case: a thing of nature or history, a local tip. */
const WORLD_ASKED = anyOf([
  /\b(?:moons?|planets?|oceans?|mountains?|rivers?|lakes?|volcano\w*|towers?|bridges?|pyramids?|dinosaurs?|species|animals?|kings?|queens?|emperors?|wars?|centur(?:y|ies)|gdp)\b/i,
  /\b(?:around here|nearby|near (?:me|you|here)|in town)\b|\b(?:know|recommend|suggest) (?:a|any|some) (?:good|nice|great|decent) \w+/i,
]);

const isHint = (sentence: string, asks: boolean) => HELP.test(sentence) || (asks && GUIDANCE.test(sentence));

const isMeta = (sentence: string, asks: boolean) =>
  META.test(sentence) ||
  (asks && (PROCESS.test(sentence) || (!hasCaseAnchor(sentence) && PROCESS_WORDS.test(sentence))));

export type Aside = 'hint' | 'meta' | 'off-topic';

/**
 * What a sentence outside the case is about. Small talk wins over a request ("any tips for a
 * restaurant?"); a question to the interviewer about themselves ("what's your name?", "do you have
 * hobbies?") is small talk unless it asks for help or is about the interview.
 */
export function asideOf(sentence: string, asks: boolean): Aside | null {
  // "we" is the team building the system: "do we also need to blur pets?" is about the case.
  const free = !hasCaseAnchor(sentence) && !hasDesignWord(sentence);
  if (free && isSmallTalk(sentence, asks)) return 'off-topic';
  if (isHint(sentence, asks)) return 'hint';
  if (isMeta(sentence, asks)) return 'meta';
  if (!free || !asks) return null;
  // A name or a thing of the world, the interviewer as a person, how to do something of one's own.
  const personal = YOU_PERSONAL.test(sentence) && !TELLING.test(sentence);
  return NAME.test(sentence) || WORLD_ASKED.test(sentence) || personal || HOW_TO.test(sentence)
    ? 'off-topic'
    : null;
}

/** A world-knowledge or small-talk phrase, or an everyday subject said personally or asked in a few words. */
function isSmallTalk(sentence: string, asks: boolean): boolean {
  if (WORLD.test(sentence)) return true;
  const everyday = EVERYDAY.test(sentence) && !CAUSAL.test(sentence);
  const short = sentence.split(/\s+/).length <= 8;
  return everyday && (PERSONAL.test(sentence) || (short && (asks || SURROUNDINGS.test(sentence))));
}
