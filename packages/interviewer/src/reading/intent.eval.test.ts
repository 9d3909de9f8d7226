import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CandidateIntent } from '@mlsd/protocol';
import { CaseStudy, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answersFact } from './facts-asked.ts';
import { type IntentReading, readIntent, readIntentByRules } from './intent.ts';

const casesDir = join(import.meta.dirname, '../../../../rubrics/cases');
const cases = new Map<string, CaseStudy>();
for (const name of readdirSync(casesDir).filter((file) => file.endsWith('.yaml'))) {
  const loaded = loadYamlFile(join(casesDir, name), CaseStudy);
  if (loaded.ok) cases.set(loaded.value.id, loaded.value);
}

const LabelledMessage = z.object({
  text: z.string(),
  intent: CandidateIntent,
  questions: z.number().int().nonnegative().optional(),
  note: z.string().optional(),
  /** The case it was written for; messages without one go through the cases in turn. */
  case: z.string().optional(),
});
type LabelledMessage = z.infer<typeof LabelledMessage>;

/**
 * The labelled sets. Every set but `blind7` is also what the learned reader (./learned) is trained
 * on, so their figures say little about new text; each comment keeps the set's first-sight figure
 * for the phrase rules alone, which is the history of how the rules generalised.
 *
 * Before the learned reader was trained on them, it was measured set by set on each set it had not
 * been trained on (the rules had been tuned on all but blind6): blind3 93.0%, blind4 98.7%, blind5
 * 97.3%, dev7 95.7%, blind6 95.5% (the rules alone: 90.5, 95.6, 96.4, 97.7 and 87.2%).
 */
const SETS = [
  { file: 'tune', role: 'trained on', minPerIntent: 8, floor: 0.98 },
  { file: 'holdout', role: 'trained on', minPerIntent: 8, floor: 0.98 },
  { file: 'dev2', role: 'trained on', minPerIntent: 5, floor: 0.98 },
  // Written in batches, each read once before any rule was changed for it (first reads 71-97%).
  { file: 'dev3', role: 'trained on', minPerIntent: 8, floor: 0.98 },
  // Written blind by others who never saw the code or the other sets: first sight 88.5% (blind),
  // 90.0% (blind2), 85.9% (blind3), 89.9% (blind4), 88.3% (blind5), 86.0% (blind6), rules alone.
  { file: 'blind', role: 'trained on', minPerIntent: 12, floor: 0.98 },
  { file: 'blind2', role: 'trained on', minPerIntent: 15, floor: 0.98 },
  { file: 'blind3', role: 'trained on', minPerIntent: 18, floor: 0.98 },
  { file: 'blind4', role: 'trained on', minPerIntent: 10, floor: 0.98 },
  { file: 'blind5', role: 'trained on', minPerIntent: 14, floor: 0.98 },
  { file: 'blind6', role: 'trained on', minPerIntent: 15, floor: 0.98 },
  // Written by another hand to be read (349 messages): 85.1% on first sight, rules alone.
  { file: 'dev7', role: 'trained on', minPerIntent: 22, floor: 0.98 },
  // Written in the fifth session by two more hands to train on (fast run-ons and mixed intents;
  // terse, non-native and abbreviated): on first sight 89.6% and 94.0% (the rules alone 78.3% and
  // 89.2%), before the learned reader was trained on them too.
  { file: 'dev8a', role: 'trained on', minPerIntent: 18, floor: 0.96 },
  { file: 'dev8b', role: 'trained on', minPerIntent: 18, floor: 0.98 },
  // Written blind in the fifth session (308 messages) by a hand that never saw the code or the other
  // sets; never trained or tuned on, its misses never read: the figure for text nobody has seen.
  // First sight 93.8% (the rules alone 86.0%); 93.5% once the learned reader read mended text and
  // guarded design talk; 95.8% once dev8a and dev8b were added to its training.
  // 95.5% once dev9 joined the training (below). Later sets moved it a message either way; with
  // dev32 in the training (thirty-first session) 94.8%, so the floor holds it at 94%.
  { file: 'blind7', role: 'unseen', minPerIntent: 18, floor: 0.94 },
  // Written blind in the sixth session (298 messages) and first read in the eighth, before anything
  // was changed for it: 97.0% (the rules alone 91.6%); 96.6% once dev9 joined the training, 97.0%
  // with dev11 and dev12.
  { file: 'blind8', role: 'unseen', minPerIntent: 18, floor: 0.96 },
  // Written in the eighth session by a hand that never saw the code or the other sets, in the voice of
  // nervous juniors and non-native speakers who hedge, ask what terms mean and trail off: read on
  // first sight at 89.9% (the rules alone 85.1%). Its 14 questions about what a term means, labelled
  // hints, are left out: the older sets call "what is X?" a fact question, training on both
  // readings cost blind7 a point, and the glossary answers the candidate the same either way.
  { file: 'dev9', role: 'trained on', minPerIntent: 16, floor: 0.97 },
  // Written by the same hand after dev9, in other words (220 messages, 20 per intent), never trained
  // or tuned on: first sight 81.4% (the rules alone 74.5%), 84.1% once dev9 joined the training.
  // That cost blind7 two messages (96.1% to 95.5%) and blind8 one (97.0% to 96.6%): three more right
  // over the three unseen sets (85.5% with dev11 and dev12; 86.4% once "is that bad?", "like X?"
  // and "or X?" were read with the idea before them). Its largest confusion, term questions ("what's
  // a cross encoder?") read as fact questions, changes nothing the candidate sees when the glossary has the term:
  // both get its meaning.
  { file: 'blind9', role: 'unseen', minPerIntent: 20, floor: 0.83 },
  // Written in the tenth session by a hand that never saw the code or the other sets (330 messages, 30
  // per intent, five voices, hard on purpose: hints and tentative ideas that look like fact
  // questions, steering hidden in answers): first sight 87.9% (the rules alone 75.5%). Trained on
  // since; its misses were read and three steering forms added (ticked boxes, a declared end of the
  // answer, a quoted verdict to write down).
  { file: 'dev11', role: 'trained on', minPerIntent: 30, floor: 0.97 },
  // Written with dev11, in other words, never trained or tuned on: first sight 82.3% (the rules alone
  // 70.5%); 84.1% once dev11 joined the training, 88.6% with dev12, 89.5% after dev16's misses,
  // 90.0% after dev17's.
  { file: 'blind11', role: 'unseen', minPerIntent: 20, floor: 0.87 },
  // Written by a third hand in the tenth session (440 messages, 40 per intent, six voices including
  // dictation), aimed at the confusions the unseen sets' tables show: first sight 89.8% (the rules
  // alone 74.1%). Its misses were read (seven asked for credit for unsaid points: CREDIT_CLAIM in
  // the scorer, read as steering here too); trained on since.
  { file: 'dev12', role: 'trained on', minPerIntent: 40, floor: 0.98 },
  // Written by a fourth hand in the tenth session with blind13 (440 messages: mixed intents, quoted
  // questions, one-word replies, British and Indian English): first sight 90.5% (the rules alone
  // 74.1%). Its misses were read: ten more ways to ask for credit not earned (CREDIT_CLAIM), 92.5%
  // since. Not trained on: training on it too read four fewer messages right over the five unseen
  // sets (blind11 88.6% to 87.7%, blind13 89.1% to 88.6%), so it stays a read set.
  { file: 'dev13', role: 'trained on', minPerIntent: 40, floor: 0.95 },
  // Written with dev13, never trained or tuned on: first sight 89.1% (the rules alone 75.0%); 89.5%
  // with dev14 in the training, 90.0% once a short ask about the case ("DAU?") could not be called
  // unreadable by the learned reader; 90.5% after dev16's misses.
  { file: 'blind13', role: 'unseen', minPerIntent: 20, floor: 0.89 },
  // Written in the twelfth session by a fifth hand that never saw the code or the other sets (330
  // messages, 30 per intent; half in the voice of people new to interviews, with short follow-ups
  // that lean on the interviewer's line): first sight 87.6% (the rules alone 74.8%). Its misses were
  // read; trained on since, which read five more messages of the six unseen sets right (blind14 +4,
  // blind8 +2, blind9 +1, blind13 +1, blind7 -1, blind11 -2) and six more of dev13.
  { file: 'dev14', role: 'trained on', minPerIntent: 30, floor: 0.96 },
  // Written with dev14, never trained or tuned on: first sight 91.4% (the rules alone 77.7%); 93.2%
  // once dev14 joined the training.
  { file: 'blind14', role: 'unseen', minPerIntent: 20, floor: 0.92 },
  // Written in the thirteenth session by a sixth hand that never saw the code or the other sets (330
  // messages, 30 per intent; half what a prepared candidate ordinarily types, half the hard
  // boundaries; bullet lines and impatient voices): first sight 90.0% (the rules alone 77.6%). Its
  // misses were read (design advice asked as a fact question, steering that names the answer key,
  // short replies, the interviewer asked about as one who interviews): 98.2% since. Not trained on:
  // training on it read eight fewer messages of the seven unseen sets right (blind15 -3, blind8,
  // blind9 and blind14 -2 each, blind11 +1).
  { file: 'dev15', role: 'trained on', minPerIntent: 30, floor: 0.95 },
  // Written with dev15, never trained or tuned on: first sight 87.3% (the rules alone 68.6%); 88.6%
  // with the changes dev15's misses led to, 90.0% with dev16's.
  { file: 'blind15', role: 'unseen', minPerIntent: 20, floor: 0.8 },
  // Written in the fourteenth session by a seventh hand that never saw the code or the other sets
  // (330 messages, 30 per intent; dictation, chat style, long messages whose point comes last,
  // references back to the conversation, meta and off-topic talk that uses the case's words): first
  // sight 92.1% (the rules alone 79.4%). Its misses were read (design advice asked as "what's the
  // standard way to...", "any advice on...", "how do you usually..."; tangents opened with "speaking
  // of" a case word; boxes to tick; markup that records a point as covered): 99.1% since. Not
  // trained on: training on it read sixteen fewer messages of the eight unseen sets right.
  { file: 'dev16', role: 'trained on', minPerIntent: 30, floor: 0.95 },
  // Written with dev16, never trained or tuned on: first sight 86.4% (the rules alone 75.9%); 86.8%
  // with the changes dev16's misses led to.
  { file: 'blind16', role: 'unseen', minPerIntent: 20, floor: 0.86 },
  // Written in the fourteenth session by the same hand as dev16, aimed at the boundaries the unseen
  // sets miss most (meta, off-topic, hint and move-on, 40 each; the other labels 10 each), many of
  // them borrowing the case's words): first sight 83.0% (the rules alone 69.1%). Its misses were read
  // (advice asked of how teams usually do it, what the metric should be, what is worth mentioning;
  // the app and the interviewer's silence; the bar and the candidate's level; a part left "there";
  // the candidate's own life and family beside a case word; tangents opened with "X reminds me"):
  // 97.8% since.
  { file: 'dev17', role: 'trained on', minPerIntent: 10, floor: 0.95 },
  // Written with dev17 (20 each of meta, off-topic, hint and move-on, 5 of the others), never trained
  // or tuned on: first sight 86.1% (the rules alone 67.0%); 87.0% with the changes dev17's misses
  // led to.
  { file: 'blind17', role: 'unseen', minPerIntent: 5, floor: 0.86 },
  // Written in the fifteenth session by an eighth hand that never saw the code or the other sets (330
  // messages, 30 per intent; many voices, long messages whose point comes last, meta and off-topic
  // talk in the case's words): first sight 88.5% (the rules alone 78.8%). Trained on from the start;
  // its misses were not read for rules.
  { file: 'dev18', role: 'trained on', minPerIntent: 30, floor: 0.95 },
  // Written with dev18, never trained or tuned on: first sight 84.5% (the rules alone 70.5%), with
  // the reader's guards of the fifteenth session (83.6% without them).
  { file: 'blind18', role: 'unseen', minPerIntent: 20, floor: 0.8 },
  // Written in the fifteenth session by two more hands that never saw the code or the other sets:
  // dev19 (400 messages on the boundaries a word reader confuses: a case question against the
  // candidate's idea put as a question, advice against facts, scoring questions in design words,
  // tangents in the case's words, design talk with "stop" and "skip"), first sight 88.8% (the rules
  // alone 78.8%); dev20 (406 messages of twelve whole interviews in order, short replies that lean
  // on the interviewer's line included), first sight 85.2% (the rules alone 76.8%). Trained on from
  // the start, after choosing OVERRULE_AT on them.
  { file: 'dev19', role: 'trained on', minPerIntent: 15, floor: 0.95 },
  { file: 'dev20', role: 'trained on', minPerIntent: 15, floor: 0.95 },
  // Three more hands, same session, to train on: dev21 (401 messages, twelve more whole interviews
  // in order) first sight 85.5% (the rules alone 73.1%); dev22 (440: half of one to six words, half
  // non-native, misspelt or dictated) 90.0% (74.1%); dev23 (440, most of them meta, off-topic, hint
  // and steering) 88.4% (68.0%). Learning from them read 4 more of blind7-13 right (three seeds).
  { file: 'dev21', role: 'trained on', minPerIntent: 15, floor: 0.95 },
  { file: 'dev22', role: 'trained on', minPerIntent: 40, floor: 0.95 },
  { file: 'dev23', role: 'trained on', minPerIntent: 20, floor: 0.95 },
  // Two more hands, same session. dev25 (480 messages on the boundaries of facts, tentative, hint and
  // answer, 120 each): first sight 91.7% (the rules alone 82.5%); trained on. blind24 (400 messages of
  // twelve whole interviews in order, short replies that lean on the interviewer's line included),
  // written to train on: first sight 85.8% (the rules alone 74.3%). Learning from it read none more of
  // blind7-13 right (three seeds), so it stays out of training, unread: the unseen figure for whole
  // interviews, where a message often means what the interviewer's last line makes it mean.
  { file: 'dev25', role: 'trained on', minPerIntent: 0, floor: 0.95 },
  { file: 'blind24', role: 'unseen', minPerIntent: 15, floor: 0.84 },
  // Written in the fifteenth session by a ninth hand (220 messages, 20 per intent, many near the
  // boundaries), never trained or tuned on, first read once the session's settings were chosen:
  // 90.0% with the reader as the session found it (the rules alone 81.4%), 93.6% after (the learned
  // reader alone 95.0%).
  { file: 'blind19', role: 'unseen', minPerIntent: 20, floor: 0.9 },
  // Written at the end of the fifteenth session by a tenth hand (330 messages, 30 per intent, mostly
  // ordinary messages, a third near a boundary), read once the session's settings were final: 89.4%
  // with the reader as the session found it (the rules alone 79.1%), 95.8% after (the learned reader
  // alone 96.7%); 95.5% once the training messages it also holds were left out.
  { file: 'blind20', role: 'unseen', minPerIntent: 30, floor: 0.93 },
  // Written in the sixteenth session by an eleventh hand (420 messages: twelve whole interviews in
  // order, each a different candidate: nervous, terse, rambling, non-native, typing on a phone,
  // gaming the grader, wandering off, leaving early). Trained on, it read no more of the sets that
  // choose settings right (three seeds: 1,198 against 1,200 of 1,266, noise), so it stays out of
  // training, unread: a second unseen figure for whole interviews. First sight 90.2% read alone,
  // 89.8% in a case (the rules alone 82.4%).
  { file: 'blind26', role: 'unseen', minPerIntent: 10, floor: 0.88 },
  // Written in the nineteenth session by a twelfth hand from the case briefs alone (390 messages over
  // fifteen cases, split by case: dev27 seven cases, blind27 eight), at least half of them the forms
  // that session's played sessions tripped on: an assumption put up with a separate check ("I'll
  // assume 5M orders a day. Sound reasonable?"), an answer closed by "Next, evaluation.", a heading
  // over the candidate's own list, non-native help requests, doubts about the design. First sight with
  // the reader as the session found it: dev27 89.7%, blind27 89.3%; with the session's changes made
  // from the played sessions, before any of dev27 was read: 90.7% and 92.3%. dev27's misses were then
  // read (rules only): 96.9% and 94.4%; with the learned reader retrained (the reading of a message
  // changed, not the sets it learns from), 97.4% and 95.4%. Learning from dev27 too read fewer messages
  // of the unseen sets right, so it stays out of training. blind27 is never read.
  { file: 'dev27', role: 'read', minPerIntent: 4, floor: 0.95 },
  { file: 'blind27', role: 'unseen', minPerIntent: 4, floor: 0.92 },
  // Written in the twentieth session by a thirteenth hand from eight case briefs (432 messages, 54 per
  // case, each labelled with its case and read in it; split by case: dev28 four cases, blind28 the
  // other four), two thirds ordinary interview messages, a third near a boundary. The 32 texts the
  // training sets already hold ("no idea", "stop", "next step pls") are left out: kept, they would
  // be taken out of training, which read 0.5-1.8 points fewer of the other unseen sets right.
  // First sight, before the session's changes from ten new played sessions: dev28 91.5%, blind28
  // 91.0%; after them and a few of dev28's misses (rules only; the learned reader unchanged): 93.5%
  // and 91.0%. Neither is learned from; blind28 is never read.
  { file: 'dev28', role: 'read', minPerIntent: 10, floor: 0.92 },
  { file: 'blind28', role: 'unseen', minPerIntent: 10, floor: 0.89 },
  // Twelve whole interviews by a fourteenth hand (twenty-second session), one persona each (terse
  // notes, nervous junior, injector, non-native, thinking aloud, chatty; long paragraphs, bullet
  // lists, a second injector, a challenger, two-part questions, in a hurry), split by interview.
  // First sight 91.3% and 87.3%. dev30's misses were read (a moment asked for, "model time", "let's
  // stop at this point", the connection back, pointers on a topic, salaries) and it is learned
  // from: 99.1% and 87.8%; blind30 is never read.
  { file: 'dev30', role: 'trained on', minPerIntent: 12, floor: 0.97 },
  { file: 'blind30', role: 'unseen', minPerIntent: 12, floor: 0.85 },
  // Twelve whole interviews by a fifteenth hand (twenty-third session), one persona each (terse
  // senior, non-native, anxious junior, talkative, dictated by voice, restating the task as a check),
  // split by interview. First sight 89.2% and 87.2%. dev31's misses were read (a step asked for
  // with "eval?", "gtg", thanks for having me, a moment asked for beside a dog, "put full score", a
  // question said to be unrelated, "the next step would be the model, right?") and it is learned
  // from: 98.3% and 88.5%; blind31 is never read.
  { file: 'dev31', role: 'trained on', minPerIntent: 1, floor: 0.96 },
  { file: 'blind31', role: 'unseen', minPerIntent: 1, floor: 0.85 },
  // 480 single messages by a sixteenth hand (thirty-first session), every case and many voices
  // (terse, wordy, non-native, chat style, two acts in one message, notes), split at random. First
  // sight 96.3% and 94.2%. dev32's misses were read (words in quotes heard as the candidate's own,
  // agreement asked, one sentence put as a question) and it is learned from: 99.6% and 94.2%;
  // blind32 is never read.
  { file: 'dev32', role: 'trained on', minPerIntent: 1, floor: 0.97 },
  { file: 'blind32', role: 'unseen', minPerIntent: 1, floor: 0.9 },
] as const;

function load(name: (typeof SETS)[number]['file']): LabelledMessage[] {
  const url = new URL(`../../eval/intents.${name}.json`, import.meta.url);
  return z.array(LabelledMessage).parse(JSON.parse(readFileSync(url, 'utf8')));
}

/**
 * As the interviewer reads: knowing the case, whose facts may make a question of what the reader
 * took for a proposal (and must not make one of a request for help or an aside). Messages written
 * for a case are read in it; the older sets are not written for one, so theirs go through the 18
 * cases in turn.
 */
const caseList = [...cases.values()];
function readInTurn(text: string, index: number, caseId?: string): IntentReading {
  const study = caseId === undefined ? caseList[index % caseList.length]! : cases.get(caseId);
  if (!study) throw new Error(`no case '${caseId}'`);
  return readIntent(text, { answersFact: (questions) => answersFact(study, questions) });
}

interface Miss {
  message: LabelledMessage;
  got: string;
  questions: string[];
}

/** Reads every message; a message counts as right when the intent and any expected question count match. */
function evaluate(
  messages: LabelledMessage[],
  read: (text: string, index: number, caseId?: string) => IntentReading = (text) => readIntent(text),
) {
  const confusion = new Map<string, Map<string, number>>();
  const misses: Miss[] = [];
  for (const [index, message] of messages.entries()) {
    const reading = read(message.text, index, message.case);
    const row = confusion.get(message.intent) ?? new Map<string, number>();
    row.set(reading.intent, (row.get(reading.intent) ?? 0) + 1);
    confusion.set(message.intent, row);
    const countOk = message.questions === undefined || reading.questions.length === message.questions;
    if (reading.intent !== message.intent || !countOk) {
      const got =
        reading.intent === message.intent
          ? `${reading.intent} (${reading.questions.length} questions)`
          : reading.intent;
      misses.push({ message, got, questions: reading.questions });
    }
  }
  return { confusion, misses, accuracy: 1 - misses.length / messages.length };
}

/** Rows are the labelled intent, columns what the reader said; dots are zeros. */
function confusionTable(result: ReturnType<typeof evaluate>): string[] {
  const intents = CandidateIntent.options.filter((intent) => result.confusion.has(intent));
  const width = 6;
  const head = `  ${'label \\ read'.padEnd(12)}${intents.map((intent) => intent.slice(0, width - 1).padStart(width)).join('')}`;
  const rows = intents.map((intent) => {
    const row = result.confusion.get(intent) ?? new Map<string, number>();
    const cells = intents.map((read) => String(row.get(read) || '.').padStart(width));
    const total = [...row.values()].reduce((sum, n) => sum + n, 0);
    return `  ${intent.padEnd(12)}${cells.join('')}   ${row.get(intent) ?? 0}/${total}`;
  });
  return [head, ...rows];
}

function summary(
  name: string,
  role: string,
  messages: LabelledMessage[],
  result: ReturnType<typeof evaluate>,
  inCase: ReturnType<typeof evaluate>,
) {
  const rulesAlone = evaluate(messages, (text) => readIntentByRules(text)).accuracy;
  const lines = [
    `intents.${name} (${role}): ${(inCase.accuracy * 100).toFixed(1)}% of ${messages.length} right in a case (read alone: ${(result.accuracy * 100).toFixed(1)}%, the phrase rules alone: ${(rulesAlone * 100).toFixed(1)}%)`,
    ...confusionTable(result),
  ];
  // Misses only for the sets named in MLSD_EVAL_MISSES: a blind set's misses, once read, make it a dev set.
  const shown = (process.env.MLSD_EVAL_MISSES ?? '').split(',').includes(name);
  for (const miss of shown ? inCase.misses : []) {
    lines.push(`  MISS ${miss.message.intent} -> ${miss.got}: ${JSON.stringify(miss.message.text)}`);
  }
  return lines.join('\n');
}

describe.each(SETS)('intent reading on the $role set intents.$file', (set) => {
  const { file, role, minPerIntent } = set;
  const floor = 'floor' in set ? set.floor : 0.95;
  const messages = load(file);
  const result = evaluate(messages);
  const inCase = evaluate(messages, readInTurn);

  it(`covers every intent with at least ${minPerIntent} messages`, () => {
    for (const intent of CandidateIntent.options) {
      const count = messages.filter((message) => message.intent === intent).length;
      expect(count, intent).toBeGreaterThanOrEqual(minPerIntent);
    }
  });

  it(`reads at least ${Math.round(floor * 100)}% of the messages right (intent and question count)`, () => {
    console.log(summary(file, role, messages, result, inCase));
    expect(result.accuracy).toBeGreaterThanOrEqual(floor);
  });

  it(`reads at least ${Math.round(floor * 100)}% of them right with a case in hand, as the interviewer does`, () => {
    expect(inCase.accuracy).toBeGreaterThanOrEqual(floor);
  });
});

/** Every phrasing of every question in the fact-matching sets: the fact index only sees `facts` messages. */
const FactQuestion = z.object({
  id: z.string(),
  caseId: z.string(),
  factId: z.string().nullable(),
  plain: z.string(),
  filler: z.string().optional(),
  combined: z.string().optional(),
});

describe.each(['tune', 'holdout'] as const)('fact questions in fact-questions.%s.json', (file) => {
  const url = new URL(`../../eval/fact-questions.${file}.json`, import.meta.url);
  const entries = z.array(FactQuestion).parse(JSON.parse(readFileSync(url, 'utf8')));
  const phrasings = entries.flatMap((entry) =>
    [entry.plain, entry.filler, entry.combined].flatMap((text) =>
      text === undefined
        ? []
        : [{ id: entry.id, caseId: entry.caseId, answered: entry.factId !== null, text }],
    ),
  );

  // As the interviewer reads them: knowing the case, so a question its facts answer stays a question.
  const readings = phrasings.map(({ id, caseId, answered, text }) => {
    const study = cases.get(caseId);
    if (!study) throw new Error(`${id}: unknown case '${caseId}'`);
    const context = { answersFact: (questions: readonly string[]) => answersFact(study, questions) };
    return { id, text, answered, intent: readIntent(text, context).intent };
  });

  it('reads every phrasing of a question the case answers as a fact question', () => {
    const answered = readings.filter((reading) => reading.answered);
    expect(answered.length).toBeGreaterThan(100);
    expect(answered.filter((reading) => reading.intent !== 'facts')).toEqual([]);
  });

  // "Should answers include images from the documents?" asks what the case leaves open, or proposes
  // it: both readings are fair when no fact answers it.
  it('reads nearly every question the case leaves open as a fact question', () => {
    const open = readings.filter((reading) => !reading.answered);
    const misread = open.filter((reading) => reading.intent !== 'facts');
    expect(open.length).toBeGreaterThan(40);
    expect(misread.length / open.length).toBeLessThanOrEqual(0.03);
  });
});

/**
 * Short replies read by the interviewer's line before them (`readInReply`): 360 pairs written in the
 * fifteenth session by a hand that never saw the code ("yes" after "Shall we continue?", "daily"
 * after "How often would you retrain?", "weekly?" put up for a verdict, "serving" after "Which step
 * next?"), split in two by position. The rules were written from the `dev` half's misses; `blind`
 * was never read. First sight, each message read alone: dev 62.2%, blind 61.7%; by the line before:
 * dev 93.9%, blind 78.9%; then 96.1% and 79.4% (a step named after "which part next?", "go ahead"
 * after "anything else, or shall we go on?"); then 95.0% and 78.3%, once an offer counts only in the
 * line's last sentence ("One question before we go on. Is every decision final?" asks the
 * question) and "keep going" only as a question: read against every line the offline interviewer
 * says, no more probe is taken for an offer. `dev2`: 300 more pairs by another hand in the sixteenth
 * session (the same reply after lines that change what it does: "yes" moving on, answering, ending),
 * first sight 87.7% (alone 80.3%). Its misses were read: offers that name the next step ("Serving
 * next?", "ready for the model step?"), ask to stay ("want to spend more time here?" "no") or to
 * carry on ("want to continue?" "not today"), "are we finished?", any question put up as an answer
 * after a question about the design ("both?"), "can't say", "sorry what?", "what's the typical
 * setup?", a short statement the learned reader took for steering or a proposal after a question.
 * Then dev 97.2%, dev2 97.3%, blind 80.0% (from 77.2% with this session's model).
 * Twenty-second session: 400 more pairs by another hand, 74 of them the same reply after lines
 * that change what it does, split in two: dev3 87.5% and blind2 88.5% on first sight. dev3's misses
 * were read (assent as "ya", "yes pls", "ok sure", "k"; a check tagged on, "Next up is serving.
 * OK?"; the destination named, "training"; a hint or the facts offered; "any ideas?" "nope"; an offer
 * to stay declined; "nothing more" after the last step): dev3 97.0%, blind2 88.0%, blind 81.7%.
 */
const InReply = z.object({ interviewer: z.string(), text: z.string(), intent: CandidateIntent });

describe.each([
  { file: 'dev', role: 'read', floor: 0.95 },
  { file: 'dev2', role: 'read', floor: 0.95 },
  { file: 'blind', role: 'unseen', floor: 0.78 },
  { file: 'dev3', role: 'read', floor: 0.95 },
  { file: 'blind2', role: 'unseen', floor: 0.85 },
] as const)(
  'short replies read by the line before them (intents-in-reply.$file)',
  ({ file, role, floor }) => {
    const url = new URL(`../../eval/intents-in-reply.${file}.json`, import.meta.url);
    const pairs = z.array(InReply).parse(JSON.parse(readFileSync(url, 'utf8')));
    const right = (read: (pair: z.infer<typeof InReply>) => string) =>
      pairs.filter((pair) => read(pair) === pair.intent).length / pairs.length;

    it(`reads at least ${Math.round(floor * 100)}% of them right, and more than each read alone`, () => {
      const alone = right((pair) => readIntent(pair.text).intent);
      const inReply = right((pair) => readIntent(pair.text, { inReplyTo: pair.interviewer }).intent);
      console.log(
        `intents-in-reply.${file} (${role}): ${(inReply * 100).toFixed(1)}% of ${pairs.length} right by the line before (alone: ${(alone * 100).toFixed(1)}%)`,
      );
      // Misses only when asked for (MLSD_EVAL_MISSES=in-reply-dev3): an unseen set's misses, once read, make it a dev set.
      if ((process.env.MLSD_EVAL_MISSES ?? '').split(',').includes(`in-reply-${file}`))
        for (const pair of pairs) {
          const got = readIntent(pair.text, { inReplyTo: pair.interviewer }).intent;
          if (got !== pair.intent)
            console.log(
              `  MISS ${pair.intent} -> ${got}: ${JSON.stringify(pair.interviewer)} / ${JSON.stringify(pair.text)}`,
            );
        }
      expect(inReply).toBeGreaterThanOrEqual(floor);
      expect(inReply).toBeGreaterThan(alone);
    });
  },
);
