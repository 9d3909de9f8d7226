import type { CandidateIntent } from '@mlsd/protocol';
import { posesCriterion } from '@mlsd/scoring';
import { putsUpFigure } from '../facts/checks.ts';
import { asksForGoal } from '../facts/goal.ts';
import { ADDS_AN_ASK, isBareTopic, unfoldNumbers } from '../facts/split.ts';
import { onlyAsksIfAnswered } from './answered-asked.ts';
import { asideOf, asksAboutRecord, asksForPause } from './asides.ts';
import { readWithCase } from './case-asked.ts';
import { asksCoverage } from './help-asked.ts';
import { asksInOtherWords, asksLineAgain, readInReply } from './in-reply.ts';
import { unreadable } from './language.ts';
import { type ReadingContext, withLearnedReading } from './learned/combine.ts';
import { figureNeeded } from './needed.ts';
import { isForOwnPurpose, isOutsideTask, isPersonalMatter, withoutTangent } from './outside.ts';
import { headsOwnList, listsOwnChecks } from './own-lists.ts';
import {
  ASSUMING_NOD,
  asksVerdict,
  CLOSING_THANKS,
  DECIDED_WITH_NOD,
  guessesAfterDoubt,
  isCheckIn,
  isDestination,
  isMoveOn,
  isStop,
  isStuck,
  namesNextPart,
  namesPartAlone,
  THANKS_ONLY,
} from './patterns.ts';
import { asks, assumes, isQuestion, opensQuestion, type QuestionMarks, untag } from './question-form.ts';
import { asksOpinionOfInterviewer, classifyQuestion, supposesGiven } from './questions.ts';
import { isRhetorical } from './rhetorical.ts';
import {
  isFiller,
  normalize,
  splitClauses,
  splitParts,
  splitSentences,
  stripFiller,
  wordCount,
} from './sentences.ts';
import { challengesQuestion } from './why-asked.ts';

export type { ReadingContext };

import { hasFakeMarkup, isSteer } from './steer.ts';
import { hasDesignVoice, hasDesignWord, hasDomainWord, mendTypos, spellOut } from './vocabulary.ts';

export interface IntentReading {
  intent: CandidateIntent;
  /** For `facts` (and for any message that also asks real fact questions): each question part, filler and politeness removed, in order. Empty otherwise. */
  questions: string[];
  /** The message also carries substantive answer content besides its questions or request. */
  alsoAnswers: boolean;
  /** Short machine-readable reason, for tests and debugging (e.g. "hint-request", "question-mark-tentative"). */
  reason: string;
  /**
   * For `facts` read by the rules: the sentences that ask something of the case. The fact lookup
   * reads the whole message; what it finds in the other sentences (a plan, an idea put up) is not
   * what was asked.
   */
  askedIn?: string[];
}

type Request = 'stop' | 'move-on' | 'hint' | 'stuck' | 'meta' | 'off-topic';

interface SentenceReading {
  request: Request | null;
  facts: string[];
  tentative: number;
  /** Words of answer content: statements, and clauses beside a request. */
  content: number;
  /** Says anything at all (not filler, not a check-in). */
  said: boolean;
  /** The request is the sentence's last clause ("..., can we move on?"), not its opening. */
  closes: boolean;
}

/**
 * More answer words than this and a closing "can we move on?" or a tentative question is read as
 * an answer with a check-in: the interviewer should weigh what was said first.
 */
const SHORT_ANSWER = 25;
/** Answer words beside "I don't know" that still leave the message stuck. */
const STUCK_SLACK = 12;
/** Longest message (sentences, words) whose unpunctuated "how many users do we have" still asks. */
const UNMARKED_SENTENCES = 2;
const UNMARKED_WORDS = 35;
/** Answer words from which a fact question also carries an answer. */
const ANSWER_WORDS = 5;
/** Words from which a clause with a design or system word states a design. */
const DESIGN_CLAUSE_WORDS = 4;
/** Longest sentence after a request that gives a reason for it ("running low on time") rather than answers. */
const REASON_WORDS = 10;

/**
 * A clause beside a move-on request that gives its reason or promises a return, not an answer:
 * "and come back to it later", "I'm more comfortable there", "I think that's enough on data".
 */
const REQUEST_REASON =
  /^(?:i guess|i think|i suppose|maybe|perhaps|probably|then|please|right)\W*$|^(?:and |but |then )?(?:(?:we can |i'?ll |let'?s |maybe )?(?:come back|return|circle back|revisit)\b|(?:i think )?(?:that'?s|that is|i'?ve said|we'?ve (?:said|covered|done)) (?:enough|plenty|all i have)\b|(?:as )?i'?m (?:more |most |much more |a bit more )?(?:comfortable|confident|familiar|at home)\b|(?:i'?m )?(?:short|low|running low) on time\b|i(?: have|'ve got| got) (?:what|all|everything) (?:i|we) need\b|(?:that|this) (?:covers|is) (?:it|everything|all)\b|nothing (?:more|else) (?:to add|from me)\b|let'?s (?:design|start|begin|build|get (?:going|started)|dive in)\W*$)/i;

/** Statements that frame a question rather than answer: "A few questions:", "I'm asking because...". */
const FRAMING =
  /\bquestions?\b|^(?:i'?m asking|i ask|asking|just asking|i want to (?:make sure|know|check|understand))\b/i;

/** A part that goes on asking about the subject of the fact part before it: "..., is it just a heuristic?". */
const FOLLOW_UP = /^(?:is|are|was|were|does|do|did|has|have|can|will) (?:it|they|that|those|this|these)\b/i;

/** The lightbulb asks for a hint without a word: "💡? stuck on the ranking features". */
const HINT_SIGN = /💡/u;

const said = (fields: Partial<SentenceReading> = {}): SentenceReading => ({
  request: null,
  facts: [],
  tentative: 0,
  content: 0,
  said: true,
  closes: false,
  ...fields,
});

/** A reply made only of words that answer a question put to the candidate: "yes, both", "nope", "daily". */
const SHORT_REPLY =
  /^\W*(?:(?:yes|yeah|yep|yup|no|nope|nah|both|neither|either|none|all of (?:them|it)|correct|exactly|daily|weekly|monthly|hourly|nightly|online|offline|batch|real[- ]?time|streaming|not (?:at launch|yet|now|really|at first|initially)|at launch|later|first|(?:the )?(?:former|latter)|(?:for )?now)\b[\s,.!;]*)+$/i;

/**
 * Where a move-on goes, beside it: "Next, *how we evaluate the answers*", "enough on metrics, *let's do
 * the architecture*".
 */
const NEXT_TOPIC =
  /^(?:(?:how|what|where|which) (?:we|i)\b[^.?!]{0,50}|let'?s (?:do|talk about|go (?:to|into)|cover|move (?:on )?to|get (?:to|into)|look at|turn to) (?:the )?[\w' -]{2,30})$/i;

/** A sentence about what was just said: "This changes the training a lot.", "that matters here". */
const POINTS_BACK = /^(?:this|that|it|these|those)\b/i;

/** Said after a request to move on: the candidate is getting nowhere with the part they leave. */
const NO_PROGRESS =
  /\b(?:not getting anywhere|getting nowhere|going nowhere|going in circles|(?:i'?m|i am) (?:stuck|blanking|lost|out of ideas)|(?:can'?t|cannot) think of (?:anything|more))\b/i;

const BARE_YES = /^\W*(?:(?:yes|yeah|yep|yup)\b[\s,.!]*)+$/i;

/** "end: wrap at 3 lines", "finish: beam width 4": a note's label, not a request to end anything. */
const NOTE_LABEL = /^\W*(?:stop|end|finish|quit|exit|close|abort)\s*[:=]\s*\S/i;

function requestOf(sentence: string, core: string, clauses: string[]): Request | null {
  const unlabelled = NOTE_LABEL.test(core) ? clauses.slice(1) : clauses;
  if (unlabelled.some(isStop)) return 'stop';
  if (clauses.some(isMoveOn)) {
    // "that's it, anything I missed?", "I think that's it, let me know if I missed something": what
    // is still open is asked before going on.
    const gapAsked = clauses.some(
      (clause) => !isMoveOn(clause) && asideOf(clause, asks(sentence, clause)) === 'hint',
    );
    return gapAsked ? 'hint' : 'move-on';
  }
  const topic = withoutTangent(core);
  // "Can you help me debug this pandas error at work?" asks for help, but not with the interview.
  if (isOutsideTask(topic) || isPersonalMatter(topic)) return 'off-topic';
  // "Can I assume the restaurants update their menus?" is about the case, whatever its words.
  const aside = assumes(core) ? null : asideOf(topic, asks(sentence, topic));
  // Beside a design clause ("..., but at 1M uploads a day one GPU node handles it") "I have no idea" hedges.
  const designs = (clause: string) =>
    hasDesignVoice(clause) || (hasDomainWord(clause) && wordCount(clause) >= DESIGN_CLAUSE_WORDS);
  const stuck = clauses.some(isStuck) && !clauses.some((clause) => !isStuck(clause) && designs(clause));
  // "I don't know where to begin" is stuck; "I'm stuck, can you give me a hint?" asks for one.
  const hintClause = (clause: string) => !isStuck(clause) && asideOf(clause, asks(clause, clause)) === 'hint';
  // "I'm stuck on the features, any direction?": the help asked for can be one clause of several.
  const hinted = clauses.length > 1 && clauses.some(hintClause);
  if (hinted || (aside === 'hint' && (!stuck || clauses.length === 1))) return 'hint';
  if (stuck) return 'stuck';
  return aside === 'hint' ? null : aside;
}

/** "..., and how many...": what follows a subject that is asked along with the question after it. */
const JOINED_BY_AND = /^[\s,]*(?:[–—-]\s*)?(?:and|plus)\b/i;

function readSentence(sentence: string, following: string[], marks: QuestionMarks): SentenceReading {
  const core = stripFiller(sentence);
  // "Did that answer count?" reads like a check-in, but asks how the interview is judged.
  if (core && /\?\s*$/.test(sentence) && asksAboutRecord(core))
    return said({ request: 'meta', closes: true });
  // "give me a sec", "one sec, thinking": a moment asked for (read before filler, which "one sec" also is).
  if (core && following.length === 0 && asksForPause(core)) return said({ request: 'meta', closes: true });
  if (!core || isFiller(core) || isCheckIn(core)) return said({ said: false });
  // "what else?" alone: what is still open, asked (the case has no fact for it).
  if (/^what else\s*\?+\W*$/i.test(core)) return said({ request: 'hint', closes: true });
  // "what else... the posts have images too": thinking aloud, unless it is marked as asked.
  if (/^what else\W*$/i.test(core) && !sentence.includes('?') && following.length > 0)
    return said({ said: false });
  // "How would you handle new listings? I'd average their neighbours' embeddings": a question the
  // candidate answers at once asks the interviewer for nothing, however it is worded.
  const [next] = following;
  if (/\?\s*$/.test(sentence) && next !== undefined && hasDesignVoice(next) && isRhetorical(core, following))
    return said({ content: wordCount(core) });
  // "..., so the auction still clears. Ok, monitoring.": a bare part of the interview after an
  // acknowledgement, closing the message, is where the candidate goes next.
  if (following.length === 0 && namesNextPart(sentence, core))
    return said({ request: 'move-on', closes: true });
  // "Useful hints: how busy the kitchen is, ...": the candidate's own list, whatever its heading says.
  if (headsOwnList(core)) return said({ content: wordCount(core) });
  // "I'll use one model for all three surfaces, ok?": a decision taken, with a nod asked in passing.
  if (DECIDED_WITH_NOD.test(core) && !ASSUMING_NOD.test(core)) return said({ content: wordCount(core) });
  // "I'd also watch for side effects: are people watching less, are results slower?": the
  // candidate's own checks, put as the questions they would ask of the system.
  if (listsOwnChecks(core)) return said({ content: wordCount(core) });
  const clauses = splitClauses(core);
  const request = requestOf(sentence, core, clauses);
  if (request) {
    // Clauses beside a move-on or stop request ("Let's move to the model: I'd use...") still answer.
    // So do clauses beside "I don't know" ("I have no idea of the volume, but at 1M a day one GPU will do").
    const isRequest = (clause: string) =>
      isMoveOn(clause) ||
      isStop(clause) ||
      (request === 'move-on' && (isDestination(clause) || NEXT_TOPIC.test(clause))) ||
      // "Can we move on, I'm kind of blanking": being stuck is the reason to move on, not an answer.
      ((request === 'stuck' || request === 'move-on') && isStuck(clause));
    const rest = ['move-on', 'stop', 'stuck'].includes(request) ? clauses.filter((c) => !isRequest(c)) : [];
    const content = rest.reduce((sum, clause) => sum + wordCount(clause), 0);
    const last = clauses.at(-1);
    const closes =
      rest.length === 0 ||
      (last !== undefined && isRequest(last)) ||
      (request === 'move-on' && rest.every((clause) => REQUEST_REASON.test(clause)));
    return said({ request, content: closes && request === 'move-on' ? 0 : content, closes });
  }
  // "I need the peak rate of ad requests", "..., so I need the scoring budget", "I need two things: ...".
  const needed = figureNeeded(core, clauses);
  if (needed) {
    const rest = clauses.filter((clause) => !needed.includes(clause) && !clause.includes(needed));
    return said({
      facts: [needed.replace(/[.!]+$/, '')],
      content: rest.reduce((sum, clause) => sum + wordCount(clause), 0),
    });
  }
  // "1k qps peak x 1 lookup -> trivial": a note that arrives at its own result, unmarked, asks nothing.
  if (!sentence.includes('?') && ARROW_TO_RESULT.test(core)) return said({ content: wordCount(core) });
  // "training gpu limit. also what's the p99?": a bare subject typed before an "also" asks for it.
  if (isBareTopic(core) && ADDS_AN_ASK.test(next ?? '')) return said({ facts: [core.replace(/[.!]+$/, '')] });
  if (!isQuestion(sentence, core, marks)) {
    const frames =
      FRAMING.test(core) && wordCount(core) <= 8 && !hasDomainWord(core) && !posesCriterion(core);
    return said({ content: frames ? 0 : wordCount(core) });
  }
  if (isRhetorical(core, following)) return said({ content: wordCount(core) });
  // "If we miss fraud we lose the money, I think?", "those come back in minutes, I guess?": a
  // statement closed by the candidate's own hedge is a guess put up, not a question for the case.
  if (HEDGED_STATEMENT.test(core) && !opensQuestion(stripFiller(core))) return said({ tentative: 1 });
  // "so I'd give the click model about 20ms, can we work with that?": the case's figure asked for.
  if (putsUpFigure(core)) return said({ facts: [untag(core).replace(/[\s?.!]+$/, '')] });
  const reading = said();
  const untagged = untag(sentence);
  // "That's card testing, right?": the candidate's own reading of what happens, put up for a
  // verdict; a figure checked ("that's 300 QPS, right?") is still the case's to confirm.
  if (untagged !== sentence && DIAGNOSIS.test(stripFiller(untagged)) && !/\d/.test(untagged))
    return said({ tentative: 1 });
  const parts = splitParts(untagged);
  parts.forEach((part, index) => {
    // Only the first part can be a statement: every later part starts at an interrogative.
    // "Daily orders, and how many estimates per second...?": a bare subject joined by "and" asks.
    const askedByName =
      isBareTopic(part) && JOINED_BY_AND.test(sentence.slice(sentence.indexOf(part) + part.length));
    if (index === 0 && parts.length > 1 && !opensQuestion(part) && !askedByName) {
      reading.content += wordCount(part);
    } else if (
      classifyQuestion(part) === 'fact' ||
      // "Optimising for what?", "what should we optimise for?": what the system is for is the case's
      // to say ("would you be happy with that as the north star?" asks the interviewer's view).
      (asksForGoal(part) && !asksOpinionOfInterviewer(part)) ||
      (reading.facts.length > 0 && FOLLOW_UP.test(part))
    ) {
      reading.facts.push(part);
    } else {
      reading.tentative++;
    }
  });
  return reading;
}

/** A diagnosis: "that's card testing", "sounds like a feedback loop", "it's position bias". */
const DIAGNOSIS =
  /^(?:so\s+)?(?:that'?s|that is|this is|this'?s|it'?s|it is|sounds like|looks like|seems like)\s+(?!(?:what|how|when|where|which|who|why|if|whether)\b)\S/i;

/** A statement of a few words or more closed by ", I think?" and its kin. */
const HEDGED_STATEMENT =
  /^(?:\S+\s+){3,}\S+,\s*(?:i think|i guess|i believe|i suppose|i'?d guess|i'?d say)\s*\?+\s*$/i;

/**
 * "we should watch lateness per city? like every hour?": a few words that give an example of the
 * sentence before, not a question of their own. ("How many users? Like daily actives?" follows a
 * fact question and stays one.)
 */
const ELABORATION =
  /^(?:(?:um+|uh+|so|and|or|but)[,\s]+)?(?:like|e\.?g\.?|for example|for instance|say|maybe|probably)\b(?!\s+(?:what|how|when|where|which|who|why|is|are|do|does|can|could|should|would|will)\b)/i;
const ELABORATION_WORDS = 16;
/**
 * "Maybe attendance later, but do we even have attendance data?": a question of its own, turned to
 * after the example ("Like, for a shopper photo, is the right product in the top 10?" is the example).
 */
const ASKS_AFTER_COMMA =
  /,\s*(?:but|though|although|yet)\s+(?:do|does|did|is|are|can|could|will|would|what|how|when|where|which|who|why)\s+(?:we|you|they|there|it|the|our|any)\b[^?]*\?\s*$/i;
/** "…click probability? or watch time?": another value for the sentence before, asked the same way. */
const ALTERNATIVE =
  /^or\b(?!\s+(?:what|how|when|where|which|who|why|is|are|do|does|can|could|should|would|will)\b)/i;

/**
 * "...time-split, since adversaries change tactics? plus slices by language": more of the idea just
 * put up, unmarked and asking nothing in its own words ("...? also how many reviewers" still asks).
 */
const ADDED_ON = /^\W*(?:plus|and also|also|and)\b[\s,]*(.*)$/i;

function addsToIdea(sentence: string, before: SentenceReading | undefined): boolean {
  const rest = ADDED_ON.exec(sentence.trim())?.[1];
  if (rest === undefined || before === undefined || /\?\s*$/.test(sentence)) return false;
  return before.tentative > 0 && before.facts.length === 0 && !opensQuestion(stripFiller(rest) || rest);
}

function isElaboration(sentence: string): boolean {
  // Read before the filler is stripped: "like" and "or" are what make it an elaboration.
  const whole = sentence.trim();
  const core = stripFiller(sentence) || whole;
  return (
    (ELABORATION.test(whole) || ALTERNATIVE.test(whole)) &&
    wordCount(whole) <= ELABORATION_WORDS &&
    !opensQuestion(core) &&
    !ASKS_AFTER_COMMA.test(whole)
  );
}

/** The candidate's own verdict on what they just asked about: "that seems expensive", "sounds slow". */
const COST_REMARK =
  /^(?:(?:but|and|hmm+|um+)[,\s]+)?(?:that|this|it)(?:'s| is| seems| sounds| feels| looks| would be| could be| might be)? (?:like )?(?:(?:really|very|super|pretty|quite|too|a bit|kind of|kinda|way) )?(?:expensive|costly|slow|wasteful|heavy|a lot|overkill|too much|a waste|risky|complicated|complex)\b/i;
const COST_REMARK_WORDS = 8;
/** A yes-or-no question about what the team would do ("do we need to…", "should we…"), not about a quantity. */
const OWN_ACT =
  /^(?:do|does|should|would|will|can|could|shall) (?:we|i) (?!(?:have|own|get|know|already|currently|see|receive)\b)/i;

function isCostRemark(sentence: string): boolean {
  const core = stripFiller(sentence) || sentence.trim();
  return COST_REMARK.test(core) && wordCount(core) <= COST_REMARK_WORDS;
}

/** Question parts read as ideas put up, not as asks. */
const asTentative = (reading: SentenceReading): SentenceReading => ({
  ...reading,
  facts: [],
  tentative: reading.tentative + reading.facts.length,
});

/** An elaboration read as a part of the sentence it elaborates: a question only after a fact question. */
function elaborates(before: SentenceReading, own: SentenceReading): SentenceReading {
  if (own.request !== null || own.facts.length === 0 || before.request !== null || before.facts.length > 0)
    return own;
  if (before.tentative > 0) return asTentative(own);
  if (before.content > 0) return { ...own, facts: [], content: own.content + wordCount(own.facts.join(' ')) };
  return own;
}

function reading(
  intent: CandidateIntent,
  reason: string,
  questions: string[] = [],
  alsoAnswers = false,
): IntentReading {
  return { intent, questions, alsoAnswers, reason };
}

/**
 * An idea followed by a request for the interviewer's view: "quantile regression for the window,
 * thoughts?", "BM25 then rerank — is that roughly what you're after?", "..., does that fit?". The
 * message puts the idea up for approval, so it reads as the idea asked ("quantile regression...?").
 */
const VIEW_ASKED =
  /\s*[,;:—–?-]+\s*(?:any )?(?:thoughts|what do you think|does (?:that|this|it) (?:count|fit|work|sound (?:right|ok|okay|good|reasonable))|is (?:that|this) (?:roughly |kind of |sort of |more or less )?(?:what you(?:'re| are) (?:after|looking for)|the kind of thing you (?:want|mean))|or (?:is that |would that be )?(?:fine|not|ok|okay))\s*\?+\s*$/i;

/** "I guess my first question is how many users we have": a question announced, then asked unmarked. */
const ANNOUNCED_QUESTION =
  /^(.*?\b(?:my|one|a|the|another) (?:first |next |other |last |main |quick |follow-up |second )?question (?:is|would be|was|then)\s*:?)\s+((?:how|what|when|where|which|who|why)\b[^?]*?)[.!]?\s*$/i;

/** "Two things:", "A few quick questions -", "Two numbers please:": a count of asks to follow. */
const ASKS_ANNOUNCED =
  /^\W*(?:(?:ok(?:ay)?|so|um+|and|also)[\s,]+)*(?:(?:two|three|four|a few|a couple(?: of)?|couple(?: of)?|some|few|several|quick|more|small)\s+)+(?:things|numbers|questions|qs|ones|figures|stats|details|clarifications|checks)(?:\s+(?:please|first|quickly|for you))?\s*[:\-–—]/i;

/**
 * The whole message says the design is all said: "Thanks, that's my design.", "that's my whole
 * answer for this part". At the end of a long answer it only closes the answer.
 */
const ALL_SAID =
  /^(?:(?:ok(?:ay)?|alright|so|thanks|thank you)[,.!\s]+)?(?:i think )?(?:that'?s|thats|that is|this is) my (?:whole |full |complete |overall |final )?(?:design|answer|solution|proposal)(?: (?:for|on) (?:this|that|the) (?:part|step|section))?(?:[,.!\s]+(?:thanks|thank you))?\W*$/i;

/** An arrow to a result, not to a question: "x 1 lookup -> trivial" ("traffic -> how much" asks). */
const ARROW_TO_RESULT =
  /(?:->|=>|→)\s*(?!(?:what|how|when|where|which|who|why|is|are|do|does|did|can|could|any)\b)[\w~≈<>]/i;

/** A check without its subject: "Is ok?", "is correct?". */
const BARE_VERDICT = /^\W*is (?:ok|okay|fine|good|correct|right)\W*$/i;

/**
 * Reads what a candidate message is doing: the phrase rules below, then the learned reader
 * (./learned) where it is confident and disagrees. Pure and deterministic; no language model.
 */
export function readIntent(text: string, context: ReadingContext = {}): IntentReading {
  const read = withLearnedReading(text, readIntentByRules(text), context);
  const readAlone = (question: string) =>
    withLearnedReading(question, readIntentByRules(question), context).intent;
  const withCase = (context.answersFact && readWithCase(text, read, context.answersFact, readAlone)) ?? read;
  return (context.inReplyTo !== undefined && readInReply(text, withCase, context.inReplyTo)) || withCase;
}

/** What the phrase rules alone read (the learned reader's fallback, and a figure of its own). */
export function readIntentByRules(text: string): IntentReading {
  const mended = mendTypos(spellOut(normalize(text)));
  const idea = mended.replace(VIEW_ASKED, '');
  const viewAsked =
    idea !== mended &&
    !supposesGiven(stripFiller(idea)) &&
    (hasDesignWord(idea) || hasDesignVoice(idea) || hasDomainWord(idea));
  // "Personalise the carousel with session clicks, does that fit?": a short idea put up for approval.
  if (viewAsked && !opensQuestion(idea) && wordCount(idea) <= SHORT_ANSWER)
    return reading('tentative', 'idea-put-for-view');
  const proposed = viewAsked ? `${idea.replace(/[?.!]+$/, '')}?` : mended;
  const normalized = proposed.replace(
    ANNOUNCED_QUESTION,
    (_, _announced: string, question: string) => `${question}?`,
  );
  // "Two things: 1) handoff time in high-rises 2) share of orders batched": numbered asks typed on
  // one line are read line by line, each as short as it is.
  const lines = unfoldNumbers(normalized);
  const numbered = lines !== normalized;
  // "Two things: 1) handoff time 2) share batched": asks announced as such are asked, each of them.
  const unfolded =
    numbered && ASKS_ANNOUNCED.test(normalized)
      ? lines
          .split('\n')
          .map((line, index) =>
            index === 0 || /\?\s*$/.test(line) || hasDesignVoice(line)
              ? line
              : `${line.replace(/[\s.!]*$/, '')}?`,
          )
          .join('\n')
      : lines;
  // "Does that answer your question?" alone: whether the answer landed, asked (see answered-asked.ts).
  if (onlyAsksIfAnswered(normalized)) return reading('meta', 'asks-if-answered');
  // "Why does that matter? Cost is secondary to privacy.": the question itself challenged.
  if (challengesQuestion(normalized)) return reading('meta', 'why-asked');
  // "Sorry, can you say that again? I want to make sure I answer what you're asking.": the line again.
  // (Asked to rephrase, the first hint says the step's question another way.)
  if (asksLineAgain(normalized))
    return asksInOtherWords(normalized) ? reading('hint', 'rephrase-asked') : reading('meta', 'repeat-asked');
  // "yes, both", "nope", "daily", "no, not at launch": a short reply to the interviewer's question.
  // A bare "yes" or "yeah yeah" says nothing yet: it stays for the unreadable check below.
  if (SHORT_REPLY.test(normalized) && !BARE_YES.test(normalized))
    return reading('answer', 'short-reply', [], true);
  if (ALL_SAID.test(normalized)) return reading('move-on', 'move-on-request');
  // "Model.", "eval", "Serving": a terse writer names the next part, and asks for nothing else.
  if (namesPartAlone(normalized)) return reading('move-on', 'move-on-request');
  // "Is ok?", "is correct?": the non-native check on the idea before it, whose filler-stripped
  // "Is?" would read as a question.
  if (BARE_VERDICT.test(normalized)) return reading('tentative', 'asks-verdict');
  // "Is that enough for requirements, or should I dig more?", "Enough?": what is still open, asked.
  if (asksCoverage(stripFiller(normalized))) return reading('hint', 'asks-coverage');
  // "thanks a lot, that was a fun discussion": the session closed; "thanks for the hint": thanks.
  if (CLOSING_THANKS.test(normalized)) return reading('stop', 'closing-thanks');
  if (THANKS_ONLY.test(normalized)) return reading('meta', 'thanks');
  // "give me a sec", "hold on": a moment asked for, which the unreadable check takes for filler.
  if (asksForPause(stripFiller(normalized))) return reading('meta', 'pause-asked');
  const unread = unreadable(normalized);
  if (unread) return reading('unclear', unread);
  const sentences = splitSentences(unfolded, !normalized.includes('?'));
  if (sentences.some(isSteer) || hasFakeMarkup(normalized)) return reading('steer', 'steer-attempt');

  const marks: QuestionMarks = normalized.includes('?')
    ? 'marked'
    : sentences.some((sentence) => headsOwnList(stripFiller(sentence)))
      ? 'listing'
      : (numbered || sentences.length <= UNMARKED_SENTENCES) && wordCount(normalized) <= UNMARKED_WORDS
        ? 'short-unmarked'
        : 'long-unmarked';
  const read = sentences.map((sentence, index) => readSentence(sentence, sentences.slice(index + 1), marks));
  read.forEach((said, index) => {
    const sentence =
      index > 0 && isElaboration(sentences[index] ?? '')
        ? elaborates(read[index - 1]!, said)
        : addsToIdea(sentences[index] ?? '', read[index - 1])
          ? asTentative(said)
          : said;
    // "do we need to call routing for every restaurant? that seems expensive": a doubt about the design.
    const doubted =
      sentence.facts.length > 0 &&
      sentence.facts.every((part) => OWN_ACT.test(part)) &&
      isCostRemark(sentences[index + 1] ?? '');
    read[index] = doubted ? asTentative(sentence) : sentence;
  });
  const questions = read.flatMap((sentence) => sentence.facts);
  // "Post volume at peak. How fast must a decision be made?": a bare subject typed as its own sentence
  // beside a question asks too. Only what the case has for it is given ("Two-tower retrieval. How do
  // we handle cold start?" names the candidate's design): it joins the sentences read as asking, not
  // the questions that are said to be open when nothing answers them.
  const asks = (index: number) => (read[index]?.facts.length ?? 0) > 0;
  // "1) time budget for the home module 2) what we log about user interactions": in a numbered list
  // with an ask in it, every item the candidate does not speak as their design is asked too.
  // ("...or similar style is also okay? This change very much the training." points back at the
  // question: a sentence opened by "this" or "that" names no subject of its own.)
  const namedBeside = (sentence: string, index: number) =>
    !asks(index) &&
    ((isBareTopic(stripFiller(sentence)) &&
      !POINTS_BACK.test(stripFiller(sentence)) &&
      (asks(index - 1) || asks(index + 1))) ||
      (numbered && !hasDesignVoice(sentence)));
  const askedIn = sentences.filter((sentence, index) => asks(index) || namedBeside(sentence, index));
  const tentative = read.reduce((sum, sentence) => sum + sentence.tentative, 0);
  const content = read.reduce((sum, sentence) => sum + sentence.content, 0);
  const answers = content >= ANSWER_WORDS;
  const requests = new Set(read.map((sentence) => sentence.request));
  // A short sentence without a case word after the request gives its reason: "Can we skip data? Short on time."
  // ("...? I'm not getting anywhere with the loss": being stuck is a reason, whatever it names.)
  const gives = (sentence: string, index: number) =>
    read[index]?.request !== null ||
    NO_PROGRESS.test(sentence) ||
    (!hasDomainWord(sentence) && wordCount(sentence) <= REASON_WORDS);
  const lastRequest = read.findLastIndex((sentence) => sentence.request !== null);
  const reasons =
    lastRequest >= 0 && sentences.slice(lastRequest + 1).every((s, i) => gives(s, lastRequest + 1 + i));
  const lastSaid = reasons ? read[lastRequest] : read.findLast((sentence) => sentence.said);

  if (requests.has('stop')) return reading('stop', 'stop-request', questions, answers);
  if (requests.has('move-on') && lastSaid?.request === 'move-on' && lastSaid.closes) {
    // "..., we shouldn't use accuracy here. Can we move on?": what was said is scored all the
    // same; the candidate asked to go on, and a probe first ignores them.
    return reading(
      'move-on',
      content > SHORT_ANSWER ? 'answer-then-move-on' : 'move-on-request',
      questions,
      answers,
    );
  }
  if (requests.has('hint') || HINT_SIGN.test(normalized))
    return reading('hint', 'hint-request', questions, answers);
  // "I don't know, maybe also anomaly detection?": the admission, then an idea put up. "I guess
  // it's a no-click at 9:05? Or do we wait longer?": an "or" question weighs the guess, it asks
  // the case nothing.
  const weighsGuess = questions.every((question) =>
    /^\W*or\b(?!\s+(?:what|how|which|when|where|who|why)\b)/i.test(question),
  );
  if (requests.has('stuck') && weighsGuess && guessesAfterDoubt(normalized))
    return reading('tentative', 'guess-after-doubt', [], answers);
  if (requests.has('stuck') && content <= STUCK_SLACK && questions.length === 0 && tentative === 0) {
    return reading('stuck', 'stuck', [], answers);
  }
  // "Do we have human reviewers, how many? Is this timed per section btw": the case's questions are
  // answered; the aside can wait.
  if (requests.has('meta') && content <= SHORT_ANSWER && questions.length === 0)
    return reading('meta', 'about-interview', questions, answers);
  // "Can you explain how transformers work? Not for this, just curious for my blog."
  if (questions.length > 0 && isForOwnPurpose(normalized)) return reading('off-topic', 'own-purpose');
  // "PYMK keeps suggesting my ex on Facebook. How do I turn that off?": the candidate's own life,
  // whatever the question after it asks.
  if (requests.has('off-topic') && sentences.some(isPersonalMatter)) return reading('off-topic', 'own-life');
  if (questions.length > 0)
    return { ...reading('facts', 'fact-question', questions, answers || tentative > 0), askedIn };
  if (tentative > 0) {
    return content > SHORT_ANSWER
      ? reading('answer', 'answer-with-tentative-check', [], true)
      : reading('tentative', 'question-mark-tentative', [], answers);
  }
  if (requests.has('off-topic') && content <= STUCK_SLACK) return reading('off-topic', 'small-talk');
  if (requests.has('move-on')) return reading('answer', 'answer-then-move-on', [], true);
  if (content > 0) return reading('answer', 'statement', [], true);
  // "is that right?" alone: the idea before it is put up for a verdict, which is the candidate's to give.
  if (sentences.some((sentence) => asksVerdict(stripFiller(sentence))))
    return reading('tentative', 'asks-verdict');
  // "Is that enough for data?" alone: what is still open, asked.
  if (sentences.some(asksCoverage)) return reading('hint', 'asks-coverage');
  return reading('unclear', 'nothing-said');
}
