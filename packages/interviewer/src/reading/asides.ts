/**
 * Messages that step outside the case, read by what they are about rather than by fixed phrases:
 * the candidate's own progress and what the interviewer wants (`hint`), the interview itself
 * (`meta`), or the world and the people in the room (`off-topic`). Each is matched on a whole
 * sentence with its filler stripped; `asks` says whether the sentence asks or requests at all.
 */
import { memoByText } from '../memo.ts';
import { ACTIVITY, isHint } from './help-asked.ts';
import { anyOf } from './patterns.ts';
import { splitSentences, stripFiller } from './sentences.ts';
import { hasCaseAnchor, hasCaseNoun, hasDesignWord, opensWithDesignVerb } from './vocabulary.ts';

/** The app and the interviewer as the channel: "the app froze, my message was sent twice", "are you still there?". */
const CHANNEL =
  /\bconnection (?:was|is|got|went|has been) (?:\w+ )?(?:bad|poor|spotty|flaky|down|lost|dropped|unstable)\b|^(?:(?:ok(?:ay)?|sorry|right)[,.!\s]+)*(?:i'?m|i am) back(?: now)?\W*$|^(?:(?:ok(?:ay)?|sorry|right|so)[,.!\s]+)*where (?:was i|were we)\W*$|\b(?:app|page|chat|site|screen|interface|connection|browser|tab)\b[^.?!]{0,15}\b(?:froze|frozen|crashed|lagged|glitched|hung|disconnected|reloaded|refreshed)\b|\b(?:sent|posted) twice\b|\bare you (?:still )?there\b|\byou'?ve been (?:quiet|silent)\b/i;

/** Whether a message talks about the interview's channel (see CHANNEL). */
export const talksAboutChannel = (text: string) => CHANNEL.test(text);

/** About the interviewer as a machine, the score, the rubric or the candidate's standing. */
const META = anyOf([
  /\bare you (?:an? )?(?:ai|bot|robot|human|real|person|llm|gpt|chatgpt|chatbot|machine|program|computer|language model)\b/i,
  /\b(?:talking|speaking|chatting) (?:to|with) (?:an? )?(?:ai|bot|human|real person|person|machine|program)\b/i,
  /\b(?:what|which) (?:llm|language model|ai|gpt|model)\b[^.?!]{0,20}\b(?:are you|powers? (?:you|this)|behind (?:you|this)|do you (?:run|use))\b|\b(?:llm|model|ai) (?:are you|powers (?:you|this))\b/i,
  /\b(?:(?:can|could|may|will) (?:i|we) (?:\w+ )?(?:see|view|read|get|look at)|(?:show|share|send|give) (?:me|us)|is there)\b[^.?!]{0,20}\brubric\b/i,
  // The interview's level and origin: "what level is this calibrated for?", "which company's interview format".
  /\b(?:what|which) level\b[^.?!]{0,20}\b(?:calibrated|pitched|aimed|set|meant|targeted)\b|\binterview (?:format|style|process|loop)\b[^.?!]{0,20}\b(?:based on|from|like)\b/i,
  /\bmy (?:score|grade|rating|marks?|results?|performance|feedback|chances|odds|level)\b/i,
  // What the interview holds against the candidate: "does asking for a hint count against me?",
  // "is there a penalty for going back to the data section?".
  /\b(?:count|counts|counted|held|hold|used|go|goes|work|works) against me\b|\bpenalt(?:y|ies|ised|ized)\b[^.?!]{0,30}\b(?:going back|skipping|revisiting|jumping)\b/i,
  CHANNEL,
  // What the interviewer has of the conversation: "can you see all my earlier messages?".
  /\b(?:can|do|did|will) you (?:still )?(?:see|read|remember|keep|have) (?:all |every one of |each of )?(?:of )?my (?:earlier|previous|past|other|old|first|last) (?:messages?|answers?|replies)\b/i,
  // The candidate's own writing judged: "do typos count against me?", "is my English a problem for
  // the evaluation?", "does spelling matter for the score?". ("Spelling correction matters for
  // search" is design: it names neither the candidate nor the grade.)
  /\b(?:my|i'?m using|i use|i make|i type)\b[^.?!]{0,20}\b(?:english|grammar|spelling|typos?|accent|handwriting|british spellings?)\b[^.?!]{0,40}\b(?:count|matter|problem|ok|okay|fine|allowed|penali[sz]\w*|hurt|affect|score|grade|evaluation)\b/i,
  /\b(?:english|grammar|spelling|typos?|accent)\b[^.?!]{0,30}\b(?:against me|(?:for|in|on|to) (?:the|my) (?:score|grade|grading|evaluation|assessment|rating|report)|penali[sz]\w*)/i,
  /\b(?:do|does|will|would|did) (?:typos?|spelling|grammar|my english)\b[^.?!]{0,20}\b(?:count|matter)\b/i,
  /\bwhat (?:score|grade|rating|mark|level)s? (?:would|will|do|did) you\b/i,
  /\bhow (?:are|will|do|would) you (?:be )?(?:grad|scor|evaluat|assess|mark|judg)\w*(?= (?:me|my|this\W*$|the (?:interview|candidates?)|candidates|answers)|\W*$)/i,
  /\bhow (?:is|are|does|will) (?:this|the|my) (?:mock|interview|session|answers?|scoring|grading|evaluation)\b[^.?!]{0,20}\b(?:scor|grad|evaluat|assess|mark|work)\w*/i,
  /\bhow (?:am i|did i|do i) (?:doing|do|perform|performing|fare|faring|stack up|compare)\b|\bam i (?:doing (?:ok|okay|well|good|alright|fine)|on track|passing|going to pass)\b/i,
  /\b(?:do|did) you think i(?:'?ve| have| will| would)? (?:pass|passed|fail|failed|did (?:ok|okay|well|alright|good|badly)|made it|nailed it|get the job|got (?:it|the job))\b|\b(?:did|do|will|would|am|have) i (?:pass|passed|fail|failed|make it|get (?:the job|hired|an offer|through))\b|\bif i (?:pass|passed|failed|did (?:ok|okay|well))\b|\bother candidates\b|\bhow do i (?:stand|compare|rank)\b/i,
  /\b(?:pass|fail) (?:this|the) (?:interview|mock)\b|\bpass at (?:\w+ )?level\b|\b(?:senior|staff|junior|principal) (?:level|role)\b|\b(?:passing|hiring) (?:bar|threshold|mark)\b/i,
  /\b(?:can|could|will|do) i (?:get|see|receive) (?:a |the |my |any )?(?:\w+ )?(?:feedback|report|summary|transcript|results?|score)\b|\b(?:feedback|report|summary|score|grade|results?)\b[^.?!]{0,20}\b(?:will|do|can|would|could) i (?:get|see|receive)\b/i,
  // The interviewer's own rules and nature: "are you allowed to tell me", "will my answers train you".
  /\b(?:are|is) you (?:allowed|able|supposed|permitted) to\b|\b(?:train|training|improve|fine-?tune) you\b|\bmy (?:answers|data|responses|messages) (?:be |being |get |are )?(?:stored|saved|kept|used|shared)\b/i,
  /\bwho (?:wrote|made|built|created|designed) (?:this|you)\b|\bwho(?:'s| is)? (?:going to )?(?:see|read|review)s? (?:my|the) (?:results?|transcript|answers?|report)\b/i,
  // The interviewer judging the candidate, or how the candidate came out of it.
  /\byou\b[^.?!]{0,25}\b(?:evaluat|assess|grad|scor|judg|rat|mark|test|quiz|interview)\w*\b[^.?!]{0,15}\b(?:me|my)\b|\byou (?:don'?t|didn'?t|won'?t|aren'?t|never|do not|did not) (?:answer|respond|reply|tell|give)\w*\b/i,
  /\b(?:will|would|am|is|do|does) (?:i|my \w+) (?:be |get |being )?(?:graded|scored|evaluated|assessed|judged|marked|penali[sz]ed|timed|rated)\b/i,
  /\b(?:how|what|where|am|did|have|was)\b[^.?!]{0,10}\bi\b[^.?!]{0,10}\b(?:scored|graded|rated|evaluated|assessed|judged|marked|performed|performing|passed|failed|being (?:evaluated|graded|scored|assessed|judged|marked|tested))\b/i,
  /\byou (?:going to |gonna |will |'ll )?(?:ask|quiz|test|grill) (?:me|us)\b|\b(?:will|are) you (?:going to )?(?:tell|give|send|show) me\b[^.?!]*\b(?:end|after\w*|later|if i|whether i|how i|score|grade|report|summary)\b/i,
]);

/**
 * The clock and where the interview stands, asked: "how much time is left?", "how much time do we
 * have overall?", "is this the last part?", "how many sections to go?", "which step are we on?".
 * Asked beside an answer too ("I'd use a GBDT. Is this the last section?"): the reply says the time
 * left in the part and how many parts follow, and goes on with the answer.
 */
const CLOCK = anyOf([
  /\bhow (?:much|many) (?:more )?(?:time|minutes|mins)\b[^.?!]{0,25}?\b(?:left|remaining|to go)\b(?! (?:before|until|till) (?!we\b|the (?:end|interview|session|mock)\b))/i,
  /\bhow (?:much|many) (?:more )?(?:time|minutes|mins)(?: (?:do|have|did) (?:we|i)(?: got| have| get)?)?(?: (?:overall|in total|total|altogether|for (?:this|the (?:whole|entire) (?:thing|interview|session|mock)|the rest)))?[\s?.!]*$/i,
  /\bhow (?:long|much time|many (?:minutes|mins)) (?:is |are )?(?:left|remaining)\W*$/i,
  // "How long do we have left?", "how long do we have in total?", not "how long do we keep logs?".
  /\bhow long (?:do|have|will|are|is|does) (?:we|i|this|the interview|the session)\b(?:(?: \w+){0,2}? (?:have|got|left|been|going|last|take|spent|remaining))?(?: (?:in total|total|overall|altogether|all together|for (?:this|the whole thing|the (?:whole )?(?:interview|session|mock))))?[\s?.!]*$/i,
  /\bhow (?:much )?longer (?:is|will|does|do|are|have|should|can|would)? ?(?:this|it|we|i|the (?:interview|session|mock))\b|\bhow (?:are we|am i) (?:doing )?(?:on|for) time\b|\b(?:are we|am i) (?:on|behind|ahead of|over) (?:schedule|time|pace)\b/i,
  /\b(?:is|are) (?:this|that|it|we (?:in|on|at)) the (?:final|last) (?:step|section|part|stage|round|one|bit|topic)\b(?! (?:of|in) (?!the (?:interview|session|mock)))|\b(?:is|are) (?:\w+ ){1,3}the (?:final|last) (?:section|part|round|topic)\W*$/i,
  /\bhow many (?:more )?(?:steps|sections|parts|stages|rounds|topics)\b[^.?!]{0,20}\b(?:left|to go|remaining|after this)\b|^how many more (?:steps|sections|parts|stages)\W*$|\bhow much longer\W*$|\b(?:which|what) (?:step|part|section|stage|phase) (?:are we|am i|is this)\b|\bhow far (?:along|through|in) are we\b/i,
]);

/** Whether a sentence asks the clock or where the interview stands (see CLOCK). */
function asksClockIn(sentence: string): boolean {
  const stripped = stripFiller(sentence);
  return (
    CLOCK.test(stripped) && (/\?\s*$/.test(sentence) || /^(?:how|which|what|is|are|am)\b/i.test(stripped))
  );
}

/** Whether a message asks the clock or where the interview stands, in any of its sentences. */
export const asksTheClock = (text: string) => splitSentences(text).some(asksClockIn);

/** The message without its sentences that ask the clock: what else it says. */
export const besidesTheClock = (text: string) =>
  splitSentences(text)
    .filter((sentence) => !asksClockIn(sentence))
    .join(' ');

/** About the interview's process: its length, the time left, the steps ahead, what the candidate may use. */
const PROCESS = anyOf([
  CLOCK,
  /\bhow (?:much|many) (?:more )?(?:time|minutes|mins|longer)(?: (?:do|did|have|are|is|will) (?:we|i|you)| (?:is|are)(?: there)?)?(?: (?:still|already|got|have|left|remaining|remains?|used|spent|been|gone|over|to go))*(?: so far| in total| here)?[\s?.!]*$/i,
  /\bhow (?:long|much time|many (?:minutes|mins)) (?:is |are )?(?:left|remaining)\W*$/i,
  /\bhow long (?:until|till|before) (?:we|the (?:interview|session)|this)\b[^.?!]{0,10}\b(?:wrap|finish|end|stop|done|over)\b|\bare we (?:almost |nearly |close to )?(?:done|finished|at time|out of time|halfway)\b|\bwhen (?:do|will|does) (?:we|this|the interview|the session) (?:finish|end|stop|wrap up)\b|\bhow far (?:along|through|in) are we\b/i,
  /\b(?:time|minutes|mins) (?:is |are )?(?:left|remaining|remain)\b|\b(?:running|run) (?:out of|low on|over) time\b|\b(?:we'?re|are we|go|going|went) over time\b|\btime check\b|\btake as long as i (?:want|like|need)\b/i,
  /\b(?:this|the) (?:interview|mock)\b|\bthis (?:session|round|exercise|practice|recording|transcript|call)\b|(?<!\ba )\brubrics?\b(?![- ]based)|\bper (?:section|step|stage)\b/i,
  /\b(?:after|before|at the end of|during) (?:the|this|our) (?:session|interview|mock|call)\b/i,
  // How the conversation itself is going: "which step are we on?", "am I talking too much?",
  // "is this 45 minutes total?", "is the pace okay?". ("Can you repeat the question?" asks for
  // help: the first hint restates the step's question.)
  /\b(?:which|what) (?:step|part|section|stage|phase) (?:are we|am i|is this)(?: (?:on|in|at))?\b|\bam i (?:talking|going|speaking|rambling|writing|being)\b[^.?!]{0,15}\b(?:too|enough)\b|\bis (?:the|my) pace\b|\bis (?:this|it|the interview) \d+ (?:minutes|mins)\b|\bis this (?:the )?(?:senior|staff|junior|mid|principal|entry)[- ]level\b/i,
  /\b(?:take|have|get) a (?:short |quick |little |brief |\d+[- ]min(?:ute)? )?break\b|\bbathroom\b|^how does (?:this|it) (?:work|go)\W*$/i,
  /\bi\b[^.?!]*\b(?:notes?|notepad|scratch ?pad|calculator|google|the internet|(?:search|browse|use) the web|documentation|pen and paper|whiteboard|chatgpt|copilot|look (?:\w+ )?up|during (?:this|the interview)|penali[sz]\w*|(?:lose|cost me|costs me|dock) (?:\w+ )?points)\b/i,
]);

/**
 * The candidate's own time: "how much time do I get for the model", "how long did we spend on data";
 * not the system's ("how long do I have to answer the network?").
 */
const OWN_TIME =
  /\bhow (?:long|much (?:more )?time|many (?:more )?(?:minutes|mins))\b[^.?!]{0,15}\b(?:(?:do|did|should|can|will|shall|have|may) i\b[^.?!]{0,10}\b(?:get|have|got|spend|spent|take|use|been)|(?:do|did|should|have|shall|are) we\b[^.?!]{0,10}\b(?:spend|spent|been|spending))\b(?!\s+to\s+(?:answer|respond|reply|decide|score|return|serve|block|approve|decline|rank|show|render|process|flag|classify|detect|predict|load|run|wait|keep|hold|label|train|retrain|collect|gather)\b)/i;

/**
 * The interviewer itself, asked about before any help it might give: what it may do ("are you
 * allowed to give hints?") and what it is ("are you run by OpenAI?", "who built you?").
 */
const INTERVIEWER =
  /\b(?:are|is) you (?:allowed|able|supposed|permitted|meant) to\b|\b(?:have|did) you (?:personally |ever |yourself |actually |really )*(?:worked on|built|designed|shipped|interviewed|done (?:this|that|the|such an?) (?:job|role|kind of work|work))\b|\b(?:do|did|would) you (?:personally|yourself) (?:use|like|watch|prefer|enjoy|go|browse|shop|ride|order|book)\b|\b(?:built|designed|shipped|trained|deployed|worked on)\b[^.?!]{0,30}\byourself\W*$|\b(?:do|would) you (?:\w+ )?prefer (?:candidates|people|interviewees|it when (?:candidates|people|i))\b|\bwho (?:wrote|made|built|created|designed|came up with) (?:these|the|this) (?:cases?|questions?|rubrics?|app|tool|platform|interviews?|scenarios?)\b|\b(?:do|did|does) you (?:\w+ )?(?:enjoy|like|love|hate|mind|get (?:tired|bored) of) (?:interviewing|giving (?:these|interviews|mocks)|doing (?:these|this|interviews|mocks)|asking (?:these|candidates|people))\b|\b(?:which|what|any|how many) (?:other|more|different|else) (?:cases|case studies|scenarios|mocks|interviews)\b[^.?!]{0,20}\b(?:do you (?:have|offer|support|cover)|are (?:there|available|on offer)|can (?:i|we) (?:do|try|practi[cs]e|pick|choose))\b|\byou\b[^.?!]{0,10}\b(?:run|powered|built|made|trained|developed|hosted|created|programmed|designed|operated) (?:by|on|with)\b|\bwho (?:wrote|made|built|created|designed|runs|operates|programmed|trained) (?:this|you)\b/i;

/** Whether a sentence asks about the interviewer as the one who interviews (see INTERVIEWER). */
export const asksAboutInterviewer = (sentence: string) => INTERVIEWER.test(sentence);

/** The parts of the interview: "all the steps", "a previous section", "a different case". */
const INTERVIEW_PART = `(?:sections?|steps?|stages?|parts?|portions?|phases?|rounds?|cases?|questions?|topics?)`;

/**
 * The interview as the thing asked about, read by its own nouns and by who acts: the candidate's
 * time ("how much time do I get", "how long did we spend"), the medium ("can I draw a diagram",
 * "type in bullet points"), its parts ("go back to a previous section"), its format, and the
 * interviewer as a being ("who am I talking to", "are you the same interviewer").
 */
const INTERVIEW = anyOf([
  /\bwill there be (?:any )?(?:feedback|a (?:report|summary|debrief|score|break))\b|\b(?:feedback|a (?:report|summary|debrief))\b[^.?!]{0,10}\b(?:afterwards|after (?:this|the (?:interview|session|mock))|at the end)\b/i,
  /\byou\b[^.?!]{0,20}\bmy (?:answers?|responses?|messages?|performance)\b|\b(?:hiring (?:process|committee|manager|decision|loop)|(?:interview|full|hiring|onsite) loop)\b|\b(?:shared with|sent to|passed to|go(?:es)? to|seen by) (?:the |a |my )?recruiters?\b|\brecruiters? (?:see|get|read|review)\b[^.?!]{0,10}\b(?:this|my|the (?:transcript|results?|scores?|feedback))\b|\b(?:are|will|would|do|can) you (?:going to |gonna )?(?:\w+ )?(?:interrupt|stop|correct|warn|push back on|challenge|cut) me\b/i,
  /\b(?:is there|will there be|do we (?:get|have)) (?:a |any )?(?:short |quick |little |coffee |bathroom |water )?breaks?\b(?:\W*$| (?:halfway|in between|between|during|at some point|later|soon))|\byou\b[^.?!]{0,10}\b(?:record|recording|save|saving|store|storing|log|logging|watch|watching|transcrib\w*)\b[^.?!]{0,5}\b(?:this|me|us|the (?:session|interview|call|conversation))\b|\b(?:the|this|our) hour\b[^.?!]{0,10}\b(?:left|remaining|used|gone|over)\b|\bhow much of the (?:hour|time|session|interview)\b/i,
  /\bquestions? (?:i|we) (?:can|could|may|should|am allowed to) ask\b|\b(?:ask|asking) (?:too many|a lot of|lots of|many|more) (?:clarifying )?questions\b|\b(?:the )?order of (?:the )?(?:steps|sections|stages|parts|questions|topics)\b|\b(?:stick to|follow|keep to) the (?:order|script|structure|format|plan)\b/i,
  /\b(?:part of|count(?:s|ed)? (?:towards?|for|in)|factor(?:ed)? into|affect) (?:the |my |your )?(?:grade|grading|score|scoring|evaluation|rubric|assessment|result|feedback)\b/i,
  /\bhow (?:this|it|the interview|the session) (?:works|goes)\b|\b(?:i|me)\b[^.?!]{0,15}\b(?:type|write|paste) (?:in )?my (?:answers?|responses?|design)\b/i,
  /\b(?:is|are|was|will) (?:this|my answers?|my messages?|our (?:chat|conversation|session)) (?:being |going to be |be )?(?:recorded|graded|scored|timed|saved|stored|logged|monitored|watched|evaluated|assessed|reviewed|kept|shared|used)\b|\b(?:are we|am i) (?:still |now |already )?(?:on|in|at|done with|finished with|past) (?:the |this )?(?:\w+ )?(?:section|step|part|stage|phase|question)\b/i,
  /\b(?:do|will|should|shall|can) (?:i|you) (?:lead|drive|ask (?:the )?questions|ask me)\b|\b(?:i|me)\b[^.?!]{0,25}\b(?:sketch\w*|on paper|by hand)\b|\b(?:outside|external) (?:resources|help|tools|materials|references)\b/i,
  /\b(?:can|may|could|should|is it ok if) i\b[^.?!]{0,10}\b(?:answer|respond|reply|talk|speak|write|type|switch)\b[^.?!]{0,10}\b(?:english|spanish|french|german|hindi|chinese|mandarin|portuguese|japanese|korean|arabic|italian|russian|dutch|polish|turkish|another language|my (?:own|native) language)\b/i,
  /\bwho(?:'s| is| will be| will)? (?:be )?(?:grading|scoring|evaluating|assessing|judging|marking|reviewing|watching) (?:this|me|my|the interview)\b|\b(?:the|my|this|our) interviewer\b/i,
  /\b(?:is|are) (?:this|that|it) the (?:final|last|first|next) (?:step|section|part|stage|question|round|one)\b(?! (?:of|in) )|\b(?:go back|change|edit|revise|redo|update|fix|correct|amend)\b[^.?!]{0,20}\bmy (?:earlier |previous |last |first |old |original )?(?:answers?|responses?|messages?)\b/i,
  /\byou\b[^.?!]{0,10}\b(?:see|read|get|receive|store|save|keep|log|record)\b[^.?!]{0,10}\bmy (?:messages|answers|responses|typing|screen|text|input|camera|voice)\b|\b(?:take|have|get) a (?:\w+ ){0,2}break\b/i,
  /\b(?:typ(?:e|ing)|writ(?:e|ing)|answer(?:ing)?|respond(?:ing)?|reply(?:ing)?|talk(?:ing)?|speak(?:ing)?) (?:in|with|using) (?:bullet points?|full sentences|prose|a list|lists|shorthand|short form|abbreviations|point form|notes|pseudo-?code|english|another language|my own words)\b/i,
  /\b(?:min|mins|minutes|hours?) (?:left|remaining|to go)\b|\b(?:are we|am i) (?:on|behind|ahead of|over) (?:schedule|time|pace)\b|\bhow long\b[^.?!]{0,15}\b(?:the|this) (?:whole|entire) (?:thing|interview|session|mock|call)\b/i,
  /\bwhat (?:happens|if) (?:if |when )?i (?:don'?t |do not |can'?t |cannot |never )?(?:finish|complete|get to|cover|reach|run out|skip|go over)\b|\b(?:word|length|character|time) (?:limit|count|cap)\b[^.?!]{0,20}\bmy\b|\btalk(?:ing)? (?:it|this) through\b|\bfull designs?\b/i,
  /\bafter (?:this|the) (?:case|interview|round|mock)\b|\bthis (?:conversation|chat)\b|\bthe clock\b(?! (?:skew|drift|time))/i,
  /\bhow (?:much )?longer (?:is|will|does|do|are|have|should|can|would)? ?(?:this|it|we|i|the (?:interview|session|mock))\b|\b(?:how(?:'s| is| are)?|what about) (?:my|our|the) time\b|\bhow (?:are we|am i) (?:doing )?(?:on|for) time\b|\b(?:the )?rest of (?:the|this|our) (?:hour|time|interview|session|mock|call)\b/i,
  /\bwhat time (?:does|do|will|is) (?:the |this |our )?(?:session|interview|mock|call)\b|\bwhen (?:does|do|will|is) (?:the |this |our )(?:session|interview|mock|call) (?:end|finish|over|start)\b/i,
  /\b(?:the|all the|each of the|these) (?:steps|sections|stages|parts)\b[^.?!]{0,15}\bin (?:order|sequence)\b|\b(?:drive|lead|run|steer|guide) (?:the|this) (?:conversation|discussion|interview|session)\b|\b(?:am i|are we) (?:supposed|expected|meant) to (?:drive|lead|ask|start|present|talk|speak|answer|write|draw|code)\b/i,
  /\b(?:i|me)\b[^.?!]{0,20}\b(?:think (?:out loud|aloud)|take a (?:moment|second|sec|minute|break|pause|breather))\b/i,
  /\b(?:when|if|once|before|after) (?:the |our |my )?time (?:runs? out|ran out|is up|ends|expires)\b|\btime for (?:my|your|any|some|a few) questions\b|\b(?:(?:the|a|any|our|my) (?:timer|time limit|hard stop)|(?:at|on|by) the (?:top of the )?hour)\b(?![^.?!]*\b(?:users?|couriers?|drivers?|requests?|quer(?:y|ies)|orders?|model|checkout)\b)/i,
  /\b(?:i|me)\b[^.?!]{0,20}\b(?:take|have|get|need|use)\b (?:a|one|two|three|\d+|a few|a couple(?: of)?) (?:more )?(?:minutes?|mins?|moments?|secs?|seconds?)\b(?! (?:of|per)\b)|\b(?:take|have|get|need)\b (?:a|one|two|three|\d+|a few|a couple(?: of)?) (?:more )?(?:minutes?|mins?|moments?|secs?|seconds?) (?:to (?:think|gather|collect|organi[sz]e|jot|sketch|plan|read|reflect)|break|pause)\b/i,
  /\b(?:i|me)\b[^.?!]{0,25}\b(?:draw|sketch)\b(?: (?:out|up))?(?: (?:a|an|the|this|my|it|some|something))?\b[^.?!]{0,20}\b(?:diagram|picture|architecture|boxes|chart|graph|it|this|out|something|here)\b|\b(?:i|me)\b[^.?!]{0,25}\b(?:type|write|answer|reply|respond)\b[^.?!]{0,10}\b(?:bullet points?|full sentences|prose|a list)\b|\b(?:diagram|whiteboard|ascii|text[ -]only|pseudo-?code|screen ?shar\w*|share (?:my|the) screen|coding (?:portion|part|round|section|question|exercise|test|interview|challenge|component|segment|bit)|live coding|write (?:any |some |actual |real )?code)\b/i,
  new RegExp(
    String.raw`\b(?:i|we)\b[^.?!]{0,25}\b(?:go back|come back|return|revisit|switch|skip back|cover|finish|complete|get through|do)\b(?: (?:to|back to|through))? (?:all|each|every|a|the|an?) ?(?:of )?(?:the |my )?(?:previous|earlier|other|different|another|new|remaining|rest of the|next|same)? ?(?:[\w-]+ )?${INTERVIEW_PART}\b(?! (?:of|in|for) (?:the |our |a )?(?!interview|mock|session)\w)`,
    'i',
  ),
  /\b(?:format|structure|agenda|flow) (?:of|for) (?:this|today|the (?:interview|session|mock|call|round|conversation|chat))\b(?![ -][a-z])|\b(?:is|will) (?:this|it) (?:going to )?be (?:a |one |just one |only one |a single |several |multiple |the same )?(?:single |one )?(?:\w+ )?(?:case|question|problem|scenario|topic|prompt|deep[- ]dive|overview|breadth|depth)s?\b[^.?!]*\b(?:or|whole|entire|only|several|multiple|all)\b|\bthe (?:whole|entire) time\b/i,
  /\b(?:ask|asking)\b[^.?!]{0,15}\bquestions?\b[^.?!]{0,20}\b(?:any (?:point|time)|anytime|at the (?:start|end|beginning)|throughout|whenever|along the way)\b/i,
  /(?<!\b(?:trip|robin|first|second|third|two|three|several|many|multiple)[ -])\b(?:this|the|which|what|next) (?:[\w-]+ ){0,3}round\b(?! (?:trip|robin|of)\b)/i,
  /\bwho (?:am i|are we|is this|'?s this|is that) (?:talking|speaking|chatting)\b|\bwho(?:'s| is) on the other (?:end|side)\b|\bwho are you\b|\b(?:real|actual|live) (?:human|person|people|engineer|interviewer|recruiter)\b[^.?!]*\b(?:you|reading|this|end|talking)\b|\byou\b[^.?!]*\b(?:real|actual|live) (?:human|person|engineer|interviewer)\b/i,
  /\byou\b[^.?!]{0,30}\binterviewer\b|\binterviewer\b[^.?!]{0,30}\byou\b|\bthe one (?:giving|grading|scoring|reviewing|reading|writing|sending)\b|\b(?:give|giving|gives|write|writing|send|sending) (?:me )?(?:the |my |any )?feedback\b/i,
]);

/** Interview words that a case can share ("timing", "penalty", "going back"): only with no case noun. */
const INTERVIEW_FREE = anyOf([
  /\bhow many (?:more )?(?:steps|stages|sections|parts|questions|topics|rounds)\b[^.?!]*\b(?:get through|go through|cover|do(?= (?:in|before|today|here)\b|\W*$)|finish|complete)\b/i,
  /\bthe (?:format|structure|agenda|plan)\b(?! (?:of|for) (?:the |our |each |a )?(?!interview|session|mock|call|round)\w)/i,
  /\b(?:timing|time limits?|timer|time budget|time allocation)\b[^.?!]{0,20}\b(?:each|every|per|this|the) (?:step|section|part|stage)\b/i,
  /\bpenalt(?:y|ies)\b[^.?!]{0,30}\b(?:going back|skipping|steps?|sections?|time|me|i)\b/i,
  new RegExp(
    String.raw`\b(?:go(?:ing)? back|com(?:e|ing) back|return(?:ing)?|revisit(?:ing)?|jump(?:ing)? back) (?:to )?(?:the |an? )?(?:previous|earlier|other|different|another|later|same)? ?${INTERVIEW_PART}\b`,
    'i',
  ),
]);

/** What the product must do: "handle several languages", "support voice" ask a requirement. */
const DEMANDED =
  /^(?:support|handle|explain|comply|show|display|notify|serve|respond to|return|process|scan|moderate|blur|protect|store|keep|retain|delete|remove|log|track|report|meet|respect|allow|provide|offer|guarantee|ensure|cover (?:all|every|both)|deal with|care about|worry about|account for|consider (?:the|privacy|fairness|legal|cost|latency))\b/i;

/** Words of the interview that are also case words ("timed", "count", "practice"): only free of the case. */
const PROCESS_WORDS = anyOf([
  /\b(?:is|are|was|will|does|do|did|would) (?:this|it|that|my answer|my work|everything)\b[^.?!]{0,30}\b(?:graded|scored|assessed|evaluated|judged|marked|timed|recorded|count(?:s|ed)?|practice|calibrated|penali[sz]ed)\b/i,
  /\b(?:is|was|will) this\b[^.?!]{0,30}\b(?:real(?![ -](?:time|world|data|users|traffic))|official|format|formal|onsite|on-site)\b/i,
  /\b(?:which|what) level\b/i,
  // The interview's own things, asked about with nothing of the case: "will the transcript be saved".
  /\b(?:(?:the|a|my) transcript|(?:the|a) recording|interviewers?|interviews?|mock|onsite|on-site)\b/i,
  /\bhow many (?:more )?(?:steps|stages|sections|parts|questions|topics|rounds)\b(?:[^.?!]*\b(?:left|remaining|to go|in total|are there|interview|session|mock|after|before|this one|still))/i,
  /\bhow (?:long|much time|many (?:minutes|mins))\b[^.?!]{0,25}\b(?:each|every|this|that|per|the next|the first|the last) (?:section|step|stage|part|portion|round|phase)\b/i,
  /\btime limits?\b|\b(?:sections?|steps?|stages?|rounds?) (?:after this|left|remaining|to go|of (?:the|this) interview)\b/i,
]);

/** Everyday things: small talk when said to the interviewer, but weather or restaurants can be case features. */
const EVERYDAY =
  /\b(?:dark(?! mode)|outside|sunset|sunrise|nice out|power|lights|(?:the|my) light\b|electricity|documentar\w*|episodes?|concerts?|museums?|hik\w*|weather|rain\w*|snow\w*|sunny|sun|humid|muggy|chilly|heat ?wave|phone|cloudy|windy|storm\w*|thunder|door|roommates?|flatmates?|housemates?|laptop|fan(?!-)|keyboard|charger|freezing|hot|room|office|desk|chair|jokes?|movies?|films?|netflix|podcasts?|books?|novels?|tv|a show|tonight|series|video games?|sports?|football|soccer|basketball|baseball|world cup|olympics|lunch|dinner|breakfast|coffee|tea|pasta|pizza|ramen|sushi|burgers?|tacos?|food|beer|wine|drinks?|cake|recipes?|restaurants?|vacation|holidays?|weekend|commute|neighbou?rs?|cats?|dogs?|pets?|barking|kids?|baby|wife|husband|doorbell|wifi|internet|mic|microphone|headphones|battery|music|songs?|albums?|bands?|playlists?|elections?|politics|president|prime minister|government|tired|exhausted|sleepy|sleep|slept|hungry|headache|sick|hobby|hobbies|birthday|resume|cv|cover letter|homework|essay|poem)\b/i;

/**
 * The candidate's own surroundings and state: never a case feature, so small talk in any short
 * sentence. "Light" only as the lamp ("the lights went out"), not the adjective ("a light blur").
 */
const SURROUNDINGS =
  /\b(?:dark(?! mode)|outside|sunset|sunrise|nice out|power|lights|(?:the|my) light\b|electricity|sun|humid|muggy|chilly|heat ?wave|phone|cloudy|windy|storm\w*|thunder|door|roommates?|flatmates?|housemates?|laptop|fan(?!-)|keyboard|charger|hot|room|office|desk|chair|doorbell|wifi|internet|mic|microphone|headphones|battery|neighbou?rs?|baby|kids?|barking|coffee|tea|lunch|breakfast|dinner|tired|exhausted|sleepy|hungry|headache|sick)\b/i;

/** When in the speaker's own life: "last night", "this morning". */
const DAY =
  /\b(?:last night|this morning|yesterday|over the weekend|last weekend|tonight|this weekend|today)\b/i;

/**
 * The room, told, and the interviewer's own life, asked, whatever case words come with them: "the
 * delivery guy is at the door", "do you enjoy your job?".
 */
/** Longest sentence read as small talk by its personal words alone. */
const PERSONAL_WORDS = 12;
const PLAINLY_PERSONAL =
  /\b(?:groceries|takeout|takeaway)\b|\b(?:last night|this morning|yesterday|over the weekend|last weekend|tonight)\b|\b(?:fire alarm|alarm|my (?:building|apartment|flat|house|street)|construction|drilling)\b|\bat the door\b|\bdoor ?bell\b|\bsomeone(?:'s| is) (?:at|knocking)\b|\bpower (?:just )?(?:went|cut|flickered)\b|\b(?:rough|long|bad|tough|hard|busy|crazy) (?:day|week|morning|night|month)\b/i;
const YOUR_LIFE =
  /\b(?:do|did|are|have) you (?:\w+ )?(?:enjoy|like|love|hate|miss)\w* (?:your|being|working|doing|living)\b|\b(?:do|did|have) you (?:ever |also |still )?(?:play|cook|watch|read|travel|eat|drink|sleep|exercise|listen to)\b|\byour favou?rite\b/i;

/** Something seen in the news or online, asked about: "did you see that video going around on twitter?". */
const GOING_AROUND =
  /\b(?:did|have) you (?:see|seen|watch|watched|catch|hear about|heard about|read)\b[^.?!]{0,40}\b(?:going around|went viral|going viral|viral|trending|on (?:twitter|tiktok|reddit|instagram|youtube|the news|tv)|everyone(?:'s| is) talking about)\b/i;

/** Personal framing: about the speaker or the interviewer, not about the case. */
const PERSONAL = /\b(?:you|your|i|i'?m|i'?ve|my|me|here)\b/i;

/** A question to the interviewer about themselves: their name, age, hobbies, tastes, plans. */
const YOU_PERSONAL =
  /\b(?:about )?yourself\b|\byour (?:name|age|day|weekend|week|morning|evening|family|kids?|pets?|dogs?|cats?|hobbies|job|background|favou?rite|plans?|accent|voice|life)\b|\b(?:how old|where) (?:are|were|do|did) you\b|\b(?:do|did|have|are|were) you (?:ever |also |even |usually )?(?:like|love|enjoy|prefer|play|cook|visit\w*|been|travel\w*|live|from|based|seen|have (?:any )?(?:hobbies|kids|pets|siblings|plans)|sleep|eat|drink)\b|\bwhat do you do (?:for fun|on weekends|in your (?:free|spare) time)\b/i;

/** How the candidate does something of their own; "how do I approach this" is a hint, read before. */
const HOW_TO =
  /^(?:how (?:do|can|should|would) (?:i|you|one)|what(?:'s| is) (?:the )?(?:best|easiest|fastest|right|proper) way to|how to) (?!(?:start|begin|approach|tackle|proceed|continue|answer|structure|frame|go|think)\b)\w+ (?!(?:this|it|that|here)\b)/i;

/** A question about cause ("does bad weather change delivery times?") is about the case. */
const CAUSAL = /\b(?:affects?|change[sd]?|impacts?|influences?|depends?)\b/i;

/** Asking the interviewer to tell, share or explain something: about the case whatever its words. */
const TELLING =
  /\byou (?:please )?(?:tell|share|explain|clarify|confirm|describe|repeat|rephrase|say|mean|think|know (?:if|whether|how|what|when|where|which|who))\b/i;

/** "what's the score in the cricket?": a match's, not the candidate's, whatever design word "score" is. */
export const SPORTS_SCORE =
  /\b(?:score|result)s? (?:in|of|from) (?:the |today'?s |last night'?s )?(?:cricket|football|soccer|baseball|basketball|hockey|tennis|rugby|match|game|final|derby)\b/i;

/** General knowledge: a famous place, date, person or measure, or sums. */
const WORLD = anyOf([
  /\bcapital of\b|\bwho won\b|\bthe game last night\b|\bpopulation of\b/i,
  SPORTS_SCORE,
  /\b(?:tallest|biggest|largest|oldest|best|fastest|longest|deepest|highest|richest)\b[^.?!]*\b(?:in the world|ever|of all time|in (?:europe|asia|africa|america|the country|history))\b/i,
  /\b(?:best|worst|favou?rite|greatest)\b[^.?!]*\b(?:in your (?:opinion|view)|do you think|would you say)\b/i,
  /\bhow (?:tall|far(?: away)?|deep|high|heavy|old) (?:is|are|was|were) (?!(?:the |our |a |an )?(?:\w+ )?(?:data|logs?|labels?|model|index|features?|history|items?|events?)\b)/i,
  /\bwho (?:wrote|painted|invented|discovered|composed|directed|founded|sang|sings|played|won)\b|\b(?:what|which) year\b|\bwhen (?:did|was|were) (?:the )?[a-z0-9]+(?: \w+){0,3} (?:come (?:down|out)|fall|fell|end|start|happen|invented|founded|born|built|released|die|died)\b/i,
  /\btell me (?:a|another) (?:joke|fun fact|story|riddle|fact)\b|\bfun fact\b|\bwhat time is it\b|\b(?:square root|squared|cubed|to the power of)\b|^(?:what'?s|what is|how much is) \d+(?:\.\d+)? ?(?:%|percent) of \d+/i,
  /\bdid you (?:catch|watch|see|hear about|follow|notice)\b(?! (?:my|the|what i) (?:message|answer|question|diagram|point|last|previous))/i,
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
  /\b(?:continents?|moons?|planets?|stars|galax\w*|oceans?|mountains?|rivers?|lakes?|volcano\w*|towers?|bridges?|pyramids?|dinosaurs?|species|animals?|kings?|queens?|emperors?|wars?|centur(?:y|ies)|gdp)\b/i,
  /\b(?:around here|nearby|near (?:me|you|here)|in town)\b|\b(?:know|recommend|suggest) (?:a|any|some) (?:good|nice|great|decent) \w+/i,
]);

/**
 * About how the interviewer records and judges answers, asked before anything that sounds like a
 * request for help: "did that answer count?", "are you going to tell me when I miss something?",
 * "what format do you expect?", "what does a strong hire look like on your scale?".
 */
const ABOUT_RECORD = anyOf([
  /\b(?:are|will|would) you (?:going to |gonna )?(?:tell|let) me (?:know )?(?:when|if|whether)\b/i,
  // "Does that count?" after a proposal checks the proposal (tentative); "did that count?" asks for the record.
  /\b(?:did|will|would) (?:that|this|it|my (?:\w+ )?(?:answer|point)) (?:answer )?(?:count|score|get (?:credit|counted))\b|\bdoes my (?:\w+ )?(?:answer|point) (?:count|score)\b/i,
  /\bhow do you (?:decide|judge|tell|know|determine) (?:if|whether|when) (?:an?|my|the) (?:\w+ )?(?:answer|response)\b/i,
  /\b(?:why did you|did you) (?:skip|ignore|miss|not (?:see|read|get)) my\b|\bdid (?:it|that|my (?:last )?message) (?:not )?(?:register|go through|get through|send|arrive)\b/i,
  /\b(?:limit|cap|maximum|max) on (?:how long|the length of|how much) (?:my )?(?:answers?|messages?|responses?|i (?:can )?(?:write|type))\b|\bhow long (?:can|should|may) my (?:answers?|messages?|responses?) be\b/i,
  /\bdo you remember what i (?:said|wrote|mentioned|told you)\b|\b(?:each|every) (?:step|section|part) starts? (?:fresh|over|from scratch)\b/i,
  /\b(?:the|my|this) score\b[^.?!]{0,15}\bout of\b|\bscored? out of (?:100|ten|10|five|5)\b/i,
  /\b(?:restart|reset|start over|redo|begin again)\b[^.?!]{0,25}\b(?:session|interview|mock)\b|\b(?:restart|start over)\b[^.?!]{0,20}\bwith (?:a |another )?(?:different|new|other) case\b/i,
  /\b(?:does it matter|is it (?:ok|okay|fine|alright)|would it matter) if i (?:type|write|answer|use (?:bullet|abbreviations?|shorthand|short ?hand|lower ?case|notes|diagrams?|a diagram|pseudo-?code|my own words|english|slang|emoji)|reply|respond|keep)\b/i,
  /\bwhat (?:format|form)\b[^.?!]{0,20}\b(?:do you|should|answers?|responses?)\b|\b(?:diagrams?|drawings?|sketch(?:es)?) or (?:just |plain )?text\b/i,
  /\byour (?:scale|scoring|grading|marking|rubric)\b|\b(?:strong|weak|lean) (?:no )?hire\b[^.?!]*\blook like\b/i,
  // The bar and the candidate's level: "what score would count as a hire?", "was my requirements
  // section senior level?".
  /\bwhat (?:score|grade|rating|mark|level)s? (?:would|will|do|does|did|is|counts?)\b[^.?!]{0,20}\b(?:hire|pass|count|enough|good|senior|staff)\b|\bmy (?:[\w-]+ ){0,2}(?:section|answer|part|step|design)\b[^.?!]{0,30}\b(?:senior|staff|mid|junior)(?:[- ]level)?\b/i,
]);

/** Whether a sentence asks how the interview records or judges the candidate's answers. */
export const asksAboutRecord = (sentence: string) => ABOUT_RECORD.test(sentence);

/**
 * The candidate asking leave to do something in the interview ("can I answer in Spanish?", "do I
 * have to finish every step?"): an act that is neither a way of building the model nor a thing the
 * product must do, with nothing of the case in it. Using something is the design's business ("is it
 * okay if I use one region only?"); the interview's tools (notes, a whiteboard) are read elsewhere.
 */
const CANDIDATE_ASKS =
  /^(?:(?:can|may|could|should|must|shall) i|am i (?:allowed|able|supposed|expected|meant|required) to|is it (?:ok|okay|fine|alright|a problem|allowed)(?: if i| for me to| to)|do i (?:need|have) to|(?:would|do) you mind if i|mind if i|would it be (?:ok|okay|fine) if i)\s+(?:just |also |maybe |still |first )?(?!(?:if|assume|ask (?:what|how|about|whether|if|you)|get|have|see|know|confirm|check|use)\b)(\w+.*)$/i;

/** "Should I talk about cost too?" asks what to cover: a hint or a check-in, not leave. */
const CONTENT_ACT = new RegExp(
  String.raw`^(?:be (?:more|less)|go (?:deeper|further|into|on)|keep|continue|${ACTIVITY})\b`,
  'i',
);

const candidateAsks = (sentence: string) => {
  const act = CANDIDATE_ASKS.exec(sentence)?.[1];
  return (
    act !== undefined &&
    !hasCaseNoun(act) &&
    !opensWithDesignVerb(act) &&
    !DEMANDED.test(act) &&
    !CONTENT_ACT.test(act)
  );
};

const isMeta = (sentence: string, asks: boolean) =>
  (asks && candidateAsks(sentence)) ||
  META.test(sentence) ||
  (asks && INTERVIEW.test(sentence)) ||
  (asks && !hasCaseNoun(sentence) && INTERVIEW_FREE.test(sentence)) ||
  (asks && (PROCESS.test(sentence) || (!hasCaseNoun(sentence) && PROCESS_WORDS.test(sentence))));

export type Aside = 'hint' | 'meta' | 'off-topic';

/**
 * What a sentence outside the case is about. Small talk wins over a request ("any tips for a
 * restaurant?"); a question to the interviewer about themselves ("what's your name?", "do you have
 * hobbies?") is small talk unless it asks for help or is about the interview.
 */
export function asideOf(sentence: string, asks: boolean): Aside | null {
  return asideRemembered(`${asks ? '?' : '.'}${sentence}`);
}

// The intent reader asks about one sentence and then each of its clauses, often the same text.
// "How long do we have left, by the way?" asks what "how long do we have left?" asks.
const asideRemembered = memoByText((key) =>
  readAside(
    key.slice(1).replace(TRAILING_ASIDE_MARK, '$1').replace(LEADING_ASIDE_MARK, ''),
    key.startsWith('?'),
  ),
);
const TRAILING_ASIDE_MARK = /[\s,;]+(?:by the way|btw|though|out of curiosity|just curious)([\s?.!]*)$/i;
/** "Before we start, how's your day going?": the "we" of the preface is not the team building the system. */
const LEADING_ASIDE_MARK =
  /^\W*(?:before we (?:start|begin|get (?:going|started)|dive in|kick off)|(?:by the way|btw|out of curiosity|just curious)\b)[,:;\s-]+(?=\S)/i;

/**
 * A moment asked for: "give me a sec", "one sec, thinking", "wait, give me a second to think about the
 * data part", "let me think for a moment", "hold on one sec, my dog is barking". Time is given; a hint would answer what was not asked.
 */
const PAUSE_ASKED =
  /^\W*(?:(?:um+|uh+|sorry|ok(?:ay)?)[,.!\s]+)*(?:hold on|hang on|wait)[,.!\s]+(?:just )?(?:one|a|1) (?:sec|second|moment|min|minute)\b|^\W*(?:(?:wait|hold on|sorry|ok(?:ay)?|um+|uh+|hmm+|just|right)[,.!\s]+)*(?:(?:give me|i need|let me have|lemme have|gimme) (?:a |one |1 |just a |a quick |a short )?(?:sec|second|moment|min|minute)s?|(?:just )?(?:one|a|1) (?:sec|second|moment|min|minute)(?:,? (?:please|pls|thinking|let me think))?\W*$|let me think(?: (?:about (?:it|this|that)|for a (?:sec|second|moment|bit|minute)|a (?:sec|second|moment|bit)))?\W*$|bear with me\b|(?:still )?thinking\W*$)/i;

/** Whether a sentence asks for a moment to think (see PAUSE_ASKED). */
export const asksForPause = (sentence: string) => PAUSE_ASKED.test(sentence);

function readAside(sentence: string, asks: boolean): Aside | null {
  // "Do you enjoy doing these interviews?", "have you worked on feed ranking?": the interviewer as
  // the one who interviews, before the interviewer as a person with a life.
  if (asks && INTERVIEWER.test(sentence)) return 'meta';
  if (asks && GOING_AROUND.test(sentence)) return 'off-topic';
  if (asks && SPORTS_SCORE.test(sentence)) return 'off-topic';
  const ownLife = asks ? YOUR_LIFE.test(sentence) : PLAINLY_PERSONAL.test(sentence);
  // "Warm start from yesterday's weights" is the design speaking, whatever day it names.
  if (ownLife && sentence.split(/\s+/).length <= PERSONAL_WORDS && !hasDesignWord(sentence))
    return 'off-topic';
  // "we" is the team building the system: "do we also need to blur pets?" is about the case.
  const free = !hasCaseAnchor(sentence) && !hasDesignWord(sentence);
  // "Am I allowed to use the internet?" asks leave in the interview before it mentions everyday things.
  if (asks && candidateAsks(sentence)) return 'meta';
  if (free && isSmallTalk(sentence, asks)) return 'off-topic';
  // "How much time should I spend on each part?" asks for the clock, not for a priority.
  if (asks && OWN_TIME.test(sentence)) return 'meta';
  if (asks && INTERVIEWER.test(sentence)) return 'meta';
  if (asks && asksAboutRecord(sentence)) return 'meta';
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
  // The speaker's own day, told: "I watched a great documentary last night", "so tired today".
  if (!asks && PERSONAL.test(sentence) && DAY.test(sentence)) return true;
  const everyday = EVERYDAY.test(sentence) && !CAUSAL.test(sentence);
  const short = sentence.split(/\s+/).length <= 8;
  return everyday && (PERSONAL.test(sentence) || (short && (asks || SURROUNDINGS.test(sentence))));
}
