import type { InterviewerMove } from '@mlsd/engine';
import type { StepId } from '@mlsd/protocol';
import { type CaseStudy, contentLemmas, type Fact, type Framework, type TalkingPoint } from '@mlsd/rubric';
import { briefSentences } from './facts/brief.ts';
import { glossaryEntry } from './glossary/glossary.ts';
import type { Utterance } from './interviewer.ts';
import { STEP_HINTS } from './lines.ts';
import type { Lines } from './persona-lines.ts';
import type { QuestionAgain } from './question-again.ts';
import { asksForPause } from './reading/asides.ts';
import {
  asksInOtherWords,
  asksLineAgain,
  asksWhichMeant,
  bareAssent,
  bareDepends,
  bareYesNo,
  saysTooLittle,
} from './reading/in-reply.ts';
import { unreadable } from './reading/language.ts';
import { THANKS_ONLY } from './reading/patterns.ts';
import { spellOut } from './reading/vocabulary.ts';

/** What voicing one reply needs: the rubric, the candidate's last message and a line picker. */
export interface ReplyVoice {
  caseStudy: CaseStudy;
  framework: Framework;
  /** The candidate message being replied to. */
  said: string;
  /** The candidate's last few messages of the step, the one replied to included. */
  saidLately: readonly string[];
  /** Picks a lead from `leads` and joins `body`, never repeating an earlier interviewer line. */
  choose(leads: readonly string[], body?: string, values?: Record<string, string | number>): string;
  /** A point of the step (case first, then framework), or undefined. */
  point(step: StepId, pointId: string): TalkingPoint | undefined;
  /** The step's title, lower-cased for the middle of a sentence. */
  title(step: StepId): string;
  /** The line pools of the session's persona. */
  lines: Lines;
  /** Whether an earlier interviewer line of the session contains `text`. */
  hasSaid(text: string): boolean;
  /** The question to say again when asked: the line before if it asked one, else the step's. */
  lastQuestion?: string;
  /** The same question in other words, when the voice has them (see question-again.ts). */
  reworded?: QuestionAgain['reworded'];
  /** The interviewer's line right before the candidate's message, whatever it was. */
  lineBefore?: string;
}

type Move<K extends InterviewerMove['kind']> = Extract<InterviewerMove, { kind: K }>;

/** Facts in full the first time, a short reminder after; parts the case lacks get "assume". */
export function voiceFacts(voice: ReplyVoice, move: Move<'answer-facts'>): Utterance {
  const byId = new Map(voice.caseStudy.facts.map((fact) => [fact.id, fact]));
  const brief = new Map(briefSentences(voice.caseStudy).map((sentence) => [sentence.id, sentence.text]));
  const parts: string[] = [];
  let reminded = false;
  let corrected = false;
  for (const { id, repeat, nearby, corrects } of move.facts) {
    if (corrects !== undefined) {
      const leads = corrected ? voice.lines.figureCorrectedToo : voice.lines.figureCorrected;
      parts.push(voice.choose(leads, corrects.sentence, { said: corrects.said }));
      corrected = true;
      continue;
    }
    const read = brief.get(id);
    if (read !== undefined) {
      parts.push(voice.choose(voice.lines.factFromBrief, read));
      continue;
    }
    const fact = byId.get(id);
    if (!fact) continue;
    if (!repeat) {
      const hedged =
        nearby && !answersInItsWords(fact.answer, voice.said) && !namesCue(fact.cues, voice.said);
      parts.push(hedged ? voice.choose(voice.lines.factNearby, fact.answer) : fact.answer);
      continue;
    }
    // The sentence that answers what was asked now ("how many GPUs for training?" is the third
    // sentence of the hardware fact), led once: "As I mentioned, ... As I mentioned, ..." reads badly.
    const sentence = askedSentence(fact.answer, voice.said);
    parts.push(reminded ? sentence : reminder(voice.choose(voice.lines.factReminder), sentence));
    reminded = true;
  }
  for (const { options } of move.ambiguous) {
    const [a, b] = options.map((id) => byId.get(id));
    if (a && b) parts.push(voice.choose(voice.lines.factWhich, '', { a: factName(a), b: factName(b) }));
  }
  for (const part of move.unanswered)
    parts.push(voice.choose(voice.lines.factMissingPart, '', { part: shorten(part) }));
  for (const part of move.assumed ?? [])
    parts.push(voice.choose(voice.lines.assumptionStandsPart, '', { part: shorten(part) }));
  const factIds = move.facts.map((fact) => fact.id).filter((id) => byId.has(id) || brief.has(id));
  const kind = factIds.length > 0 ? 'answer' : 'clarification';
  return { kind, text: parts.join(' '), factIds };
}

/** The case does not say (ask for an assumption), or the message could not be read (rephrase). */
export function voiceClarify(voice: ReplyVoice, move: Move<'clarify'>): Utterance {
  // "depends", or "the first one" to an open question: the rest asked for, not a rephrase.
  // Read against the line right before, as the reader read it: "yes" after a fact answer only
  // acknowledges it.
  const before = voice.lineBefore ?? '';
  if (move.reason === 'why-asked')
    return { kind: 'clarification', text: voice.choose(voice.lines.whyAsked), factIds: [] };
  if (move.reason === 'step-order') {
    const pool = move.toward === move.step ? voice.lines.alreadyInStep : voice.lines.noGoingBack;
    const values = { title: voice.title(move.step), asked: voice.title(move.toward ?? move.step) };
    return { kind: 'clarification', text: voice.choose(pool, '', values), factIds: [] };
  }
  if (move.reason === 'unclear' && saysTooLittle(voice.said, before)) {
    const pool = bareDepends(voice.said)
      ? voice.lines.dependsOnWhat
      : bareAssent(voice.said, before)
        ? voice.lines.answerNotAssent
        : voice.lines.sayMore;
    return { kind: 'clarification', text: voice.choose(pool), factIds: [] };
  }
  // "yes" to "is the closest place always the one to put first?": an answer, its reason asked for.
  if (move.reason === 'unclear' && bareYesNo(voice.said, before))
    return { kind: 'follow-up', text: voice.choose(voice.lines.whyYesOrNo), factIds: [] };
  if (move.reason === 'unclear' && unreadable(voice.said) === 'filler') {
    // "ok", "hmm", "got it": nothing to read, nothing wrong either; hand the floor back.
    const text = voice.choose(voice.lines.carryOn, '', { title: voice.title(move.step) });
    return { kind: 'clarification', text, factIds: [] };
  }
  if (move.reason === 'unclear') {
    // "in English" only to a message in another language: "framing" or a typo is English already.
    const lines =
      unreadable(voice.said) === 'not-english' ? voice.lines.unclearAskEnglish : voice.lines.unclearAsk;
    const ask = voice.choose(lines, '', { title: voice.title(move.step) });
    return { kind: 'clarification', text: voice.choose(voice.lines.unclear, ask), factIds: [] };
  }
  const assumed = move.assumed ?? [];
  // "I'll assume scheduled orders too, ok?" and nothing else: the assumption stands.
  if (assumed.length === 1 && move.unanswered.length === 0)
    return { kind: 'clarification', text: voice.choose(voice.lines.assumptionStands), factIds: [] };
  if (move.unanswered.length + assumed.length > 1) {
    const text = [
      ...move.unanswered.map((part) =>
        voice.choose(voice.lines.factMissingPart, '', { part: shorten(part) }),
      ),
      ...assumed.map((part) => voice.choose(voice.lines.assumptionStandsPart, '', { part: shorten(part) })),
    ];
    return { kind: 'clarification', text: text.join(' '), factIds: [] };
  }
  return { kind: 'clarification', text: voice.choose(voice.lines.noFact), factIds: [] };
}

/**
 * What a term means, in the glossary's neutral words, then the floor back: whether it fits this
 * design is the candidate's call, so nothing of the rubric is said.
 */
export function voiceDefine(voice: ReplyVoice, move: Move<'define'>): Utterance {
  const definitions = move.terms.flatMap((term) => {
    const entry = glossaryEntry(term);
    return entry ? [voice.choose(voice.lines.defineLead, entry.definition, { term: entry.term })] : [];
  });
  if (definitions.length === 0)
    return { kind: 'clarification', text: voice.choose(voice.lines.noFact), factIds: [] };
  const close = move.late ? voice.lines.defineLate : voice.lines.defineClose;
  return { kind: 'clarification', text: `${definitions.join(' ')} ${voice.choose(close)}`, factIds: [] };
}

/** Level 1 asks the step's question again, 2 points at an open area, 3 names the concept. */
export function voiceHint(voice: ReplyVoice, move: Move<'hint'>): Utterance {
  const point = move.pointId === null ? undefined : voice.point(move.step, move.pointId);
  const base = { kind: 'hint' as const, hintLevel: move.level };
  if (move.level === 1 || (point === undefined && move.pointId !== null)) {
    return { ...base, text: voice.choose(STEP_HINTS[move.step]), hintPointIds: [] };
  }
  if (point === undefined)
    return { ...base, text: voice.choose(voice.lines.hintNothingOpen), hintPointIds: [] };
  const concept = () => voice.choose(voice.lines.hintConcept, '', { topic: lowerFirst(point.title) });
  if (move.level === 3) return { ...base, text: concept(), hintPointIds: [point.id] };
  // The point's probe already asked ("I don't know" to it): another of its questions, from another
  // side; with none left unasked, the concept, and the hint is counted as naming it.
  if (voice.hasSaid(point.probe)) {
    const angle = point.followUps.find((followUp) => !voice.hasSaid(followUp));
    if (angle === undefined) return { ...base, hintLevel: 3, text: concept(), hintPointIds: [point.id] };
    return { ...base, text: voice.choose(voice.lines.hintAngle, angle), hintPointIds: [point.id] };
  }
  return { ...base, text: voice.choose(voice.lines.hintArea, point.probe), hintPointIds: [point.id] };
}

const FOLLOW_UPS = { why: 'followUpWhy', cost: 'followUpCost', failure: 'followUpFailure' } as const;

/** Asks about what the candidate just proposed, quoting their own phrase when it can be found. */
export function voiceFollowUp(voice: ReplyVoice, move: Move<'follow-up'>): Utterance {
  const point = voice.point(move.step, move.pointId);
  // "But the couriers are shared between the groups, does that break the test?": a concern raised
  // is turned back to the candidate, not costed.
  if (RAISES_CONCERN.test(voice.said.trim()))
    return {
      kind: 'follow-up',
      text: voice.choose(voice.lines.followUpConcern),
      probedPointIds: [move.pointId],
    };
  const said = point ? ownPhrase(voice.said, [...point.signals, ...point.plain]) : null;
  // A metric has no build cost: "On hit rate: what does that cost you?" asks the wrong thing.
  const pool =
    move.angle === 'cost' && MEASURING_STEPS.includes(move.step)
      ? voice.lines.followUpMeasure
      : voice.lines[FOLLOW_UPS[move.angle]];
  // The case's own follow-ups on this point fit it; the general questions are the fallback. One the
  // message already answers ("per channel" before "one mapping or one per channel?") is not asked.
  const written =
    point?.followUps.filter(
      (followUp) =>
        !voice.hasSaid(followUp) && !voice.saidLately.some((said) => alreadySaid(followUp, point, said)),
    ) ?? [];
  // One about what they said comes first: "On weather:" before a question about order counts
  // names one thing and asks another.
  const about = said ? written.filter((followUp) => sharesWord(followUp, said)) : [];
  const question = voice.choose(about.length > 0 ? about : written.length > 0 ? written : pool);
  const leads = said !== null && (about.length > 0 || written.length === 0);
  const text = leads
    ? `${voice.choose(voice.lines.followUpLead, '', { said: asInSentence(said) })} ${question}`
    : question;
  return { kind: 'follow-up', text, probedPointIds: [move.pointId] };
}

function sharesWord(question: string, phrase: string): boolean {
  const asked = new Set(contentLemmas(question));
  return contentLemmas(phrase).some((lemma) => asked.has(lemma));
}

/** Share of a follow-up's own words (not its point's) that, said by the candidate, answer it already. */
const ANSWERED_SHARE = 0.5;
/** Words of a follow-up, one of them a figure of it, that answer it when said. */
const FIGURE_ANSWERED = 3;

/**
 * Whether the candidate's message already says what a follow-up would ask: most of the words the
 * question adds to its point ("channel", "mapping") are in the message.
 */
function alreadySaid(followUp: string, point: TalkingPoint, said: string): boolean {
  const pointWords = new Set([...point.signals, ...point.plain].flatMap((phrase) => contentLemmas(phrase)));
  const own = new Set(contentLemmas(followUp).filter((lemma) => !pointWords.has(lemma)));
  if (own.size === 0) return false;
  // "if ranker blow p99 on friday: timeout -> return cand gen order": read with shorthand spelled out.
  const message = new Set(contentLemmas(spellOut(said)));
  let shared = 0;
  for (const lemma of own) if (message.has(lemma)) shared++;
  // "... not all 320 million; the others compute on demand" before "would you rebuild lists for
  // all 320 million monthly users every night?": a figure of the question said back, with words
  // of it around, is the question answered.
  const figure = [...own].some((lemma) => /\d/.test(lemma) && message.has(lemma));
  return (
    shared / own.size >= ANSWERED_SHARE ||
    (figure && shared >= FIGURE_ANSWERED) ||
    premiseSaid(followUp, said, message)
  );
}

/** Content words of a follow-up's opening "If ...," that, said in an "if" of the message, show it anticipated. */
const PREMISE_SAID = 0.6;

/**
 * "And if the feature logs only started last week, ... I can recompute the counters from the raw
 * logs" before "If serving-time feature logs only started last week, how do you build ...?": the
 * candidate put the follow-up's own scenario and answered it.
 */
function premiseSaid(followUp: string, said: string, message: ReadonlySet<string>): boolean {
  const premise = /^if\s+([^,?]+),/i.exec(followUp)?.[1];
  if (!premise || !/\b(?:if|when|in case|should)\b/i.test(said)) return false;
  const words = contentLemmas(premise);
  if (words.length < 3) return false;
  return words.filter((lemma) => message.has(lemma)).length / words.length >= PREMISE_SAID;
}

/** Steps whose proposals are mostly numbers to watch, not things to build. */
const MEASURING_STEPS: readonly StepId[] = ['evaluation', 'monitoring'];

/** A message that ends by asking whether something is a problem, or whether the idea holds. */
const RAISES_CONCERN =
  /\b(?:is that a problem|is that (?:bad|wrong)|would that (?:be a problem|break|hurt|matter)|does that (?:break|matter|hurt|bias|skew|ruin)|(?:could|would|will) (?:that|this|it) (?:break|bias|skew|leak|hurt|matter)|is that an issue|a problem there)\?+\s*$/i;

/** A phrase quoted mid-sentence: "Slice" at the start of their sentence is "slice" in ours. */
function asInSentence(phrase: string): string {
  return /^\p{Lu}\p{Ll}/u.test(phrase) ? phrase[0]!.toLowerCase() + phrase.slice(1) : phrase;
}

/** Pushes back once on a red flag, with the rubric's question when it has one; never the fix. */
export function voiceChallenge(voice: ReplyVoice, move: Move<'challenge'>): Utterance {
  // "1% of 12.5 million, so 1.25 million": the sum quoted and asked again, never its result.
  if (move.sum !== undefined)
    return {
      kind: 'challenge',
      text: voice.choose(voice.lines.recheckSum, '', { sum: `"${move.sum}"` }),
      challengedFlagIds: [move.flagId],
    };
  // "recall, meaning of all we flagged, how many were real": the term asked about, never defined.
  if (move.definition !== undefined)
    return {
      kind: 'challenge',
      text: voice.choose(voice.lines.recheckDefinition, '', {
        term: move.definition.term,
        said: `"${move.definition.said}"`,
      }),
      challengedFlagIds: [move.flagId],
    };
  const flag = Object.values(voice.caseStudy.steps)
    .flatMap((step) => step.redFlags)
    .find((candidate) => candidate.id === move.flagId);
  const said = flag ? ownPhrase(voice.said, flag.signals) : null;
  const question = flag?.challenge ?? voice.choose(voice.lines.challengeGeneric);
  // Said again after it was pushed back on in an earlier part: the candidate hears that it was.
  const text = move.again
    ? voice.choose(voice.lines.challengeAgainLead, question, { said: said ? `"${said}"` : 'this' })
    : said
      ? `${voice.choose(voice.lines.challengeLead, '', { said: `"${said}"` })} ${question}`
      : question;
  return { kind: 'challenge', text, challengedFlagIds: flag ? [flag.id] : [] };
}

/** Back to the step, with the time left, and nothing of the rubric or the score. */
/** Words of a question about the grading: it gets the "report at the end" reply. */
const ABOUT_GRADING =
  /\b(?:rubric|scor\w*|grad(?:e|es|ed|er|ers|ing)\b|marks?|points?|pass\w*|fail\w*|feedback|report|hire|level|doing|performance|how am i|count)\b/i;
/** A greeting or "how are you": small talk a human answers in a few words. */
const GREETING =
  /\b(?:how(?:'s| is| has) your day(?: going| been)?|how are you(?: doing)?(?: today)?|how(?:'s| is) it going|nice to meet you|good to meet you|thanks for having me)\b/i;
/** Words of a question about the clock. */
const ABOUT_TIME =
  /\b(?:time (?:left|remaining|do we have|is left)|how (?:much|long) (?:time|longer)|minutes? (?:left|remaining)|how long (?:do|have) we (?:got|have)|am i (?:over|out of) time|running (?:out of|low on) time|(?:doing|am i|are we) (?:on|for) time|speed up|(?:going|moving|too) (?:too )?slow(?:ly)?|the pace|(?:on|behind|ahead of) schedule)\b/i;
/** "Can I think out loud for a second?": leave asked for, which is given. */
const ASKS_LEAVE =
  /\b(?:can|could|may) i\b[^.?!]{0,20}\b(?:think (?:out loud|aloud)|take (?:a|a few) (?:moment|second|sec|minute|breath)s?|pause|jot|sketch|draw)\b|\b(?:mind if|is it ok(?:ay)? if) i\b/i;
/** "Should I draw something?", "can I sketch the architecture?": the pad is there for it. */
const ASKS_TO_DRAW =
  /\b(?:should|can|could|may|shall|do) i\b[^.?!]{0,15}\b(?:draw|sketch|diagram|whiteboard)\w*|\b(?:want|like) (?:me )?to (?:draw|sketch|see a diagram)\b|\b(?:is there|do we have) (?:a |an )?(?:whiteboard|drawing|diagram)/i;
/** How the session works: "how does this work?", "do I just talk through each stage and you stop me?". */
const ASKS_FORMAT =
  /\b(?:how (?:does|will|do) (?:this|it|the (?:interview|session|format|mock)) work|what(?:'s| is) the format|do i just (?:talk|go|walk|start)|(?:will|do|would) you (?:stop|interrupt|cut) me|how (?:is|will) (?:this|the interview|the session) (?:be )?(?:structured|run))\b/i;
/** Which way to go, how deep, how to spend the time: the candidate's call, which is said. */
const ASKS_DIRECTION =
  /\b(?:(?:do|would) you (?:want|like|prefer) me to|(?:which|what) (?:one )?would you (?:rather|prefer|like)|would you rather (?:i|we)|should i (?:spend|focus|go deeper|go into|dig|keep going on|stay on|cover)|how (?:deep|much detail)\b[^?]{0,30}\b(?:want|should|expect)|is (?:this|that) (?:the right|enough) (?:level|depth|detail))\b/i;
/** Words of a question about the interviewer itself. */
const ABOUT_INTERVIEWER =
  /\b(?:are you|who (?:made|built|wrote|created)|you (?:a|an) (?:ai|bot|human|person|robot|llm|model))\b|\b(?:ai|bot|robot|llm|gpt|human)\b/i;

/** The redirect pool for a question about the interview: grading, the interviewer, or anything else. */
function metaPool(voice: ReplyVoice): readonly string[] {
  // "how much time do we have left?": the time is the answer, said next; nothing is put off.
  if (ABOUT_TIME.test(voice.said)) return voice.lines.redirectTime;
  if (ASKS_TO_DRAW.test(voice.said)) return voice.lines.redirectDraw;
  // "give me a sec": the moment is given, nothing is put off.
  if (ASKS_LEAVE.test(voice.said) || asksForPause(voice.said.trim())) return voice.lines.redirectPermission;
  if (THANKS_ONLY.test(voice.said.trim())) return voice.lines.redirectThanks;
  // "Hi! Thanks for having me. How's your day going?": a greeting is returned, not put off.
  if (GREETING.test(voice.said)) return voice.lines.redirectGreeting;
  // "how does this work, do I just talk through each stage?": the format, in a sentence.
  if (ASKS_FORMAT.test(voice.said)) return voice.lines.redirectFormat;
  // "Do you want me to go into the infrastructure, or is this enough?": the way on is theirs.
  if (ASKS_DIRECTION.test(voice.said)) return voice.lines.redirectDirection;
  if (ABOUT_GRADING.test(voice.said)) return voice.lines.redirectMeta;
  if (ABOUT_INTERVIEWER.test(voice.said)) return voice.lines.redirectMetaSelf;
  return voice.lines.redirectMetaOther;
}

/** "About 4 minutes left on model design, then three more parts after it." (see MoveBase.clock) */
export function clockSentence(
  voice: Pick<ReplyVoice, 'choose' | 'title' | 'lines'>,
  clock: Clock,
  step: StepId,
): string {
  const left = timeLeft(clock.stepRemainingMs);
  return voice.choose(clock.partsAfter === 0 ? voice.lines.clockLast : voice.lines.clockMore, '', {
    left,
    Left: left[0]!.toUpperCase() + left.slice(1),
    title: voice.title(step),
    total: timeLeft(clock.totalRemainingMs),
    parts: `${PART_COUNTS[clock.partsAfter] ?? clock.partsAfter} more part${clock.partsAfter === 1 ? '' : 's'}`,
  });
}

type Clock = NonNullable<InterviewerMove['clock']>;
const PART_COUNTS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];

export function voiceRedirect(voice: ReplyVoice, move: Move<'redirect'>): Utterance {
  // "Is this the last section?", "how long is left?": said, and the floor handed back.
  if (move.clock !== undefined)
    return {
      kind: 'redirect',
      text: `${clockSentence(voice, move.clock, move.step)} ${voice.choose(voice.lines.clockBack)}`,
    };
  // "sorry, can you repeat the question?": the question again, not "let's leave that for later".
  // "What do you mean?": the question in other words; without them, again with a term offered.
  if (
    move.reason === 'meta' &&
    voice.lastQuestion !== undefined &&
    asksLineAgain(voice.said) &&
    asksInOtherWords(voice.said)
  ) {
    const { reworded } = voice;
    if (reworded?.explains) return { kind: 'clarification', text: reworded.text };
    if (reworded) return { kind: 'clarification', text: voice.choose(voice.lines.rewordLead, reworded.text) };
    const again = voice.choose(voice.lines.rewordUnavailable, voice.lastQuestion);
    return { kind: 'clarification', text: `${again} ${voice.choose(voice.lines.rewordOfferTerm)}` };
  }
  if (move.reason === 'meta' && voice.lastQuestion !== undefined && asksLineAgain(voice.said)) {
    // "Do you mean offline or online evaluation?": which reading is the candidate's call.
    const pool = asksWhichMeant(voice.said) ? voice.lines.repeatEither : voice.lines.repeatQuestion;
    return { kind: 'clarification', text: voice.choose(pool, voice.lastQuestion) };
  }
  const pool =
    move.reason === 'meta'
      ? metaPool(voice)
      : move.reason === 'steer'
        ? voice.lines.redirectSteer
        : voice.lines.redirectOffTopic;
  const back = voice.choose(voice.lines.redirectBack, '', {
    left: timeLeft(move.stepRemainingMs),
    title: voice.title(move.step),
  });
  return { kind: 'redirect', text: `${voice.choose(pool)} ${back}` };
}

/**
 * The first of `phrases` the candidate's message contains word for word (case aside), as they
 * wrote it: quoting it back is their own words, never the rubric's.
 */
export function ownPhrase(said: string, phrases: readonly string[]): string | null {
  const lower = said.toLowerCase();
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
    const at = lower.search(new RegExp(`\\b${escapeRegExp(phrase.toLowerCase())}\\b`));
    if (at >= 0 && phrase.length >= 4) return said.slice(at, at + phrase.length);
  }
  return null;
}

/** "about 3 minutes", "about a minute", "less than a minute": read into a sentence as it stands. */
function timeLeft(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes <= 1) return ms < 45_000 ? 'less than a minute' : 'about a minute';
  return `about ${minutes} minutes`;
}

function factName(fact: Fact): string {
  return fact.cues[0] ?? fact.id.replace(/-/g, ' ');
}

/** "As I mentioned, the feed..." after a comma; "Same as before: The feed..." after a colon. */
/** "As I mentioned, ...": facts given before, checked again in passing beside an answer. */
export function remindersOf(
  voice: Pick<ReplyVoice, 'caseStudy' | 'said' | 'choose' | 'lines'>,
  ids: readonly string[],
): string {
  const byId = new Map(voice.caseStudy.facts.map((fact) => [fact.id, fact]));
  const sentences = ids.flatMap((id) => {
    const fact = byId.get(id);
    return fact ? [askedSentence(fact.answer, voice.said)] : [];
  });
  const [first, ...rest] = sentences;
  if (first === undefined) return '';
  return [reminder(voice.choose(voice.lines.factReminder), first), ...rest].join(' ');
}

function reminder(lead: string, sentence: string): string {
  const body =
    lead.endsWith(',') && /^[A-Z][a-z]/.test(sentence)
      ? sentence[0]!.toLowerCase() + sentence.slice(1)
      : sentence;
  return `${lead} ${body}`;
}

/** Words too common to tell one sentence of a fact from another. */
const COMMON = new Set(
  'about what which there their these those would could should have does with from that this they them many much long more most than like also into over just only each every per'.split(
    ' ',
  ),
);
/** A question asking for a quantity: a sentence with a number answers it better. */
const ASKS_AMOUNT =
  /\b(?:how (?:many|much|fast|long|often|big|quick)|what (?:percent|share|fraction|rate)|rate|number of|volume)\b/i;

/**
 * Whether some sentence of the fact shares at least two words, and a quarter of its words, with the
 * question ("driver GPS pings at a few seconds' resolution?" and "driver GPS every 4 seconds"): then
 * the closest fact is the answer, said plainly, without "I can't give you that exactly".
 */
/**
 * "How fast must be the response, I mean latency budget?": the question names the fact by one of its
 * own cues, so the fact is what was asked, however loosely the rest of the message matched.
 */
function namesCue(cues: readonly string[], said: string): boolean {
  const words = new Set(contentLemmas(said));
  const named = new Set<string>();
  for (const cue of cues) {
    const lemmas = contentLemmas(cue);
    if (lemmas.length > 0 && lemmas.every((lemma) => words.has(lemma)))
      for (const lemma of lemmas) named.add(lemma);
  }
  return named.size >= CUE_WORDS;
}
/** Words of the fact's cues the question must say to name it: "latency" and "budget", not "budget" alone. */
const CUE_WORDS = 2;

function answersInItsWords(answer: string, said: string): boolean {
  // "What's the average click-through rate, roughly? I want to understand the imbalance so...": the
  // sentence that asks is measured, not the reasons around it.
  return said.split(/(?<=[.!?])\s+/).some((question) => {
    const { score, asked } = bestSentence(answer, question);
    return score >= PLAIN_ANSWER_WORDS && score >= asked * PLAIN_ANSWER_SHARE;
  });
}
/** ...and at least this share of the question's words (a long question sharing two is still far). */
const PLAIN_ANSWER_WORDS = 2;
const PLAIN_ANSWER_SHARE = 0.25;

/**
 * The fact's sentences that answer what was asked: for each question of the message, the one that
 * shares the most words with it ("What are the base rates? and do we know attendance at all?" gets
 * the rates and the attendance sentence), in the fact's order; the first when none shares a word.
 */
function askedSentence(answer: string, said: string): string {
  const questions = said.split(/(?<=\?)\s+/).filter((part) => part.trim() !== '');
  const picked = new Set(
    questions
      .map((question) => bestSentence(answer, question))
      .filter(({ score }) => score >= 1)
      .map(({ sentence }) => sentence),
  );
  if (picked.size <= 1) return bestSentence(answer, said).sentence;
  const order = (sentence: string) => answer.indexOf(sentence);
  return [...picked].sort((a, b) => order(a) - order(b)).join(' ');
}

function bestSentence(answer: string, typed: string): { sentence: string; score: number; asked: number } {
  // "how many evnts?": the question as the reader read it, chat shorthand spelled out.
  const question = spellOut(typed);
  const sentences = answer
    .trim()
    // A full stop inside a number or a word ("1.2M", "e.g.") does not end the sentence.
    .match(/(?:[^.!?]|[.!?](?!\s|$))+(?:[.!?]+(?=\s|$)|$)/g)
    ?.map((s) => s.trim()) ?? [answer];
  const stems = (text: string) =>
    new Set(
      (text.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? [])
        .filter((word) => !COMMON.has(word))
        .map((word) => word.slice(0, 4)),
    );
  const asked = stems(question);
  const amount = ASKS_AMOUNT.test(question);
  let best = sentences[0] ?? answer;
  let bestScore = 0;
  for (const sentence of sentences) {
    const words = stems(sentence);
    const score =
      [...asked].filter((stem) => words.has(stem)).length + (amount && /\d/.test(sentence) ? 0.5 : 0);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  // "What's the current success rate?" and the best sentence only names the metric: the figure
  // is in a sentence after it.
  if (amount && !/\d/.test(best)) {
    const figure = sentences.slice(sentences.indexOf(best) + 1).find((sentence) => /\d/.test(sentence));
    if (figure) return { sentence: `${best} ${figure}`, score: bestScore, asked: asked.size };
  }
  // Nothing in the question singles a sentence out ("what's the funnel?"): the fact again, whole.
  if (bestScore === 0) return { sentence: answer.trim(), score: 0, asked: asked.size };
  return { sentence: best, score: bestScore, asked: asked.size };
}

function shorten(part: string): string {
  const clean = part.trim().replace(/[?.!\s]+$/, '');
  return clean.length > 80 ? `${clean.slice(0, 77).trimEnd()}...` : clean;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
