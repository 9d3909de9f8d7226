/**
 * Readings that need the case: after the rules and the learned reader, a message they read as the
 * candidate's idea or list becomes a fact question only when the case's facts answer every part it
 * would ask (docs/interviewer.md, "Facts").
 */
import type { CandidateIntent } from '@mlsd/protocol';
import { posesCriterion } from '@mlsd/scoring';
import { isBareTopic, splitMessage, unfoldNumbers } from '../facts/split.ts';
import { asideOf } from './asides.ts';
import type { IntentReading } from './intent.ts';
import { headsOwnList } from './own-lists.ts';
import { fitsAsked, OWN_CLAIM_TAGGED, PROPOSAL_QUESTION } from './proposals.ts';
import { isRhetorical } from './rhetorical.ts';
import { normalize, splitSentences, stripFiller, wordCount } from './sentences.ts';

/** Whether the case's facts confidently answer one of `questions`. */
type AnswersFact = (questions: readonly string[]) => boolean;

/** The message read again with the case's facts in hand, or null when nothing changes. */
/** One short question of what the team may do: "can we run the model ourselves?", "are we allowed to store GPS?". */
const PERMISSION_ASKED =
  /^\W*(?:(?:um+|uh+|so|ok(?:ay)?|and|also|hmm+)[,\s]+)*(?:can|could|may) (?:we|i)\b[^?.!]{0,60}\?\s*$|^\W*(?:are we|am i) (?:allowed|permitted) to\b[^?.!]{0,60}\?\s*$/i;

/** What makes "can we ...?" a question of what is allowed rather than an idea: "ourselves", "legally". */
const PERMISSION_WORDS =
  /\b(?:ourselves|in[- ]house|on our own|at all|legally|allowed|permitted|contract|store|retain|keep|share|send)\b/i;

export function readWithCase(
  text: string,
  read: IntentReading,
  answersFact: AnswersFact,
  /** What a question of the message is read as on its own. */
  readAlone: (question: string) => CandidateIntent,
): IntentReading | null {
  if (read.intent === 'tentative' || read.intent === 'answer') {
    // "I'm planning a BERT reranker. would 250 ms of backend time be too much?": an idea, and a
    // question whether a figure fits the case. The candidate gets the figure; the idea is still read.
    const fits = read.intent === 'tentative' ? fitsAsked(text) : [];
    if (fits.length > 0 && answersFact(fits))
      return { ...read, intent: 'facts', questions: fits, alsoAnswers: true, reason: 'fit-asked' };
    // "We can't train on private customer code without permission, right?": what the team may do,
    // asked of the case, which says.
    if (read.intent === 'tentative' && OWN_CLAIM_TAGGED.test(text) && answersFact([text]))
      return { ...read, intent: 'facts', questions: [text], askedIn: [text], reason: 'claim-checked' };
    // "Can we run the model ourselves?": whether the team may do something, asked alone, where the
    // case says; not an idea put up for approval.
    if (
      read.intent === 'tentative' &&
      PERMISSION_ASKED.test(text) &&
      PERMISSION_WORDS.test(text) &&
      answersFact([text])
    )
      return { ...read, intent: 'facts', questions: [text], askedIn: [text], reason: 'permission-asked' };
    // "hmm, any special rules for teenagers? I'd want those as hard filters": an idea, and beside it
    // a question the case's facts answer.
    const beside = askedBeside(text, read, answersFact, true, 'idea-then-ask');
    if (beside) return beside;
  }
  // "also is this being timed per section btw? how many posts per request page": a question about the
  // interview, and beside it one the case's facts answer. The fact is given; the aside is not said to
  // be missing from the case.
  // A question about the interview alone ("how much time do we have left?") stays one, whatever
  // fact its words come near: the case's question must stand beside it, not be it.
  // "what's the typical approach for travel time, is a routing engine available?": help asked, and
  // beside it a question the case answers. The fact is the help the case can give; a question that
  // is itself the request ("any tips on the delayed labels?") stays one.
  if (read.intent === 'meta' || read.intent === 'hint') {
    const beside = askedBeside(
      text,
      read,
      (questions) =>
        questions.every((question) =>
          read.intent === 'hint' ? readAlone(question) === 'facts' : readAlone(question) !== 'meta',
        ) && answersFact(questions),
      false,
      read.intent === 'hint' ? 'help-then-ask' : 'aside-then-ask',
    );
    if (beside) return beside;
  }
  // "1) model sizes available 2) the daily cap finance set on serving": a numbered list of subjects
  // with no question mark is the candidate's own list ("1) two-tower retrieval 2) GBDT ranker")
  // unless the case has a fact for every item: then it asks for them.
  if (read.intent === 'answer') {
    const items = listedSubjects(text);
    if (items.length >= 2 && items.every((item) => answersFact([item]))) {
      const questions = items.map((item) => `${item}?`);
      return {
        ...read,
        intent: 'facts',
        questions,
        askedIn: questions,
        alsoAnswers: false,
        reason: 'subjects-listed',
      };
    }
  }
  return null;
}

/** The message read as asking the case's questions that stand beside its idea or aside, if any. */
function askedBeside(
  text: string,
  read: IntentReading,
  answersFact: AnswersFact,
  alsoAnswers: boolean,
  reason: string,
): IntentReading | null {
  const asked = caseQuestionsBeside(text).filter((question) => answersFact([question]));
  if (asked.length === 0) return null;
  return { ...read, intent: 'facts', questions: asked, askedIn: asked, alsoAnswers, reason };
}

/**
 * The parts of a message that ask about the case rather than put an idea up for a verdict: asked,
 * opened as a question about what exists or what people do ("any special rules for teenagers?",
 * "has that been tried before?"), long enough to stand alone, and not a proposal or a doubt about
 * the candidate's own idea ("is it fine if I...", "do we need to call X for every Y?").
 */
function caseQuestionsBeside(text: string): string[] {
  const plain = normalize(text);
  // "Security: any answer citing a restricted doc should be zero. Maybe audit weekly?": where the
  // candidate marks questions, a sentence closed by a full stop is their own, whatever it opens with.
  const sentences = splitSentences(plain);
  const closed = sentences.some((sentence) => /\?\s*$/.test(sentence))
    ? sentences.filter((sentence) => /[.!]\s*$/.test(sentence))
    : [];
  // "What to measure: how many minutes off, how often late.": a heading over the candidate's own list.
  // "How much goes to the LLM? With $150k a month that's about 79 million calls": answered at once.
  const answered = sentences.filter(
    (sentence, index) =>
      /\?\s*$/.test(sentence) && isRhetorical(stripFiller(sentence), sentences.slice(index + 1)),
  );
  // "The real test is: does the new pricing get more people a car?": the candidate's yardstick.
  const posed = sentences.filter((sentence) => posesCriterion(stripFiller(sentence)));
  const own = [
    ...closed,
    ...answered,
    ...posed,
    ...sentences.filter((sentence) => headsOwnList(stripFiller(sentence))),
  ];
  const inMarked = (part: string) =>
    !own.some((sentence) => sentence.includes(part.replace(/\?$/, '').slice(0, 30)));
  // "Third, how drivers move: where they come from and how long they take.": with no question mark
  // anywhere, a question word inside a sentence opens a clause of the candidate's own; only a
  // sentence that opens as a question ("how many users do we have.") asks.
  const unmarked = !plain.includes('?');
  const opensSentence = (part: string) =>
    sentences.some((sentence) => stripFiller(sentence).startsWith(part.replace(/[.?!]+$/, '').slice(0, 30)));
  return splitMessage(plain)
    .filter((part) => part.asked && !part.told && inMarked(part.text))
    .filter((part) => !unmarked || opensSentence(part.text))
    .map((part) => part.text.replace(/^(?:or|and|but|so)\s+/i, ''))
    .filter(
      (question) =>
        CASE_ASK.test(question) &&
        !PROPOSAL_QUESTION.test(question) &&
        !ABOUT_ME.test(question) &&
        !YOUR_PRACTICE.test(question) &&
        // "How long do we have left, by the way?" asks about the interview, whatever fact it comes near.
        asideOf(question, true) === null &&
        wordCount(question) >= CASE_ASK_WORDS,
    );
}

/** "is there something about the labels I'm missing?" asks about the candidate's answer, not the case. */
const ABOUT_ME = /\b(?:i|i'?m|i'?ve|i'?d|me|my)\b/i;

/** "how long would you normally run it?": the interviewer's own practice asked, not the case. */
const YOUR_PRACTICE =
  /\b(?:would|do|should) you (?:normally |usually |typically |generally )?(?:run|do|use|pick|choose|keep|set|recommend|suggest|prefer|go with|handle)\b/i;

/** Fewest words a question beside an idea needs to stand on its own ("what share" leans on the idea). */
const CASE_ASK_WORDS = 4;

/** Opens like a question about what exists or holds in the case. */
const CASE_ASK =
  /^(?:any|is there|are there|(?:is it|are they)(?! (?:ok|okay|fine|alright|acceptable|reasonable|allowed|possible|a good|a bad|bad|wrong|worth|better|enough|too)\b)|has (?:that|this|it|anyone|anything)|have (?:we|they|you) (?:got|seen|tried|logged|kept|collected)|do (?:we|they) (?:have|log|keep|store|know|collect|see|track|record|receive|own)|do (?:users|people|customers|riders|drivers|sellers|buyers|hosts|guests|members|viewers|advertisers)|does (?:the|it)|what(?:'s| is| are)? (?:share|fraction|percent(?:age)?|portion|rate|number|count)|what (?:kinds?|types?|sorts?|mix) of \w+ (?:do|does|are|is) (?:people|users|customers|shoppers|viewers|members|riders|drivers|sellers|buyers|hosts|guests|we)\b|how (?:many|much|often|long|fast|big)|(?:is|are) (?:a|an|the|any)\b(?=[^?]{0,40}\b(?:available|accessible|in place|provided)\b))\b/i;

/** The items of a numbered list of bare subjects ("1) X 2) Y"), or none. */
function listedSubjects(text: string): string[] {
  const plain = normalize(text);
  const lines = unfoldNumbers(plain);
  if (lines === plain) return [];
  const items = lines
    .split('\n')
    .map((line) => stripFiller(line).replace(/[\s.;,!]+$/, ''))
    .filter((line) => line !== '');
  return items.every((item) => isBareTopic(item)) ? items : [];
}
