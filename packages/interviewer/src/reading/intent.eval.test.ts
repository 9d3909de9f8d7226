import { readFileSync } from 'node:fs';
import { CandidateIntent } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readIntent } from './intent.ts';

const LabelledMessage = z.object({
  text: z.string(),
  intent: CandidateIntent,
  questions: z.number().int().nonnegative().optional(),
  note: z.string().optional(),
});
type LabelledMessage = z.infer<typeof LabelledMessage>;

/**
 * The labelled sets: `tune` is what the rules are fitted on; `holdout` was once held out and has
 * since been tuned against, so it is a second development set (`dev`); `dev2` was written by
 * another hand after the rules, and has fewer messages per intent; `blind` was written by someone
 * who never saw the code or the other sets, and nobody tuned on it.
 */
const SETS = [
  { file: 'tune', role: 'tune', minPerIntent: 8 },
  { file: 'holdout', role: 'dev', minPerIntent: 8 },
  { file: 'dev2', role: 'dev', minPerIntent: 5 },
  // Written in batches, each read once before any rule was changed for it (first reads 71-97%), then tuned on.
  { file: 'dev3', role: 'dev', minPerIntent: 8 },
  // Written blind by others who never saw the code or the other sets. `blind` read 88.5% on first
  // sight and `blind2` 90.0%; the misses of both have since been read and fixed in general rules
  // (off-topic tasks, role-play steering, plain move-on and stop wording), so their figures today
  // (99%+) are development figures, not blind ones: the honest blind figures are the first reads.
  // The goal is 95% on unseen text; these floors sit just under today's, so a regression fails.
  { file: 'blind', role: 'dev (was blind)', minPerIntent: 12, floor: 0.985 },
  { file: 'blind2', role: 'dev (was blind)', minPerIntent: 15, floor: 0.99 },
  // Written blind after the work above and read once: 85.9% (blind3) and 89.9% (blind4) on first
  // sight. Their misses were read on 2026-12-03 and general rules added for them (requests for the
  // answer key, questions about the conversation, reactions and stutters), so they are development
  // sets now: 90.5% and 94.3%.
  { file: 'blind3', role: 'dev (was blind)', minPerIntent: 18, floor: 0.9 },
  { file: 'blind4', role: 'dev (was blind)', minPerIntent: 10, floor: 0.95 },
  // Written blind later still (223 messages, 11 intents): 88.3% on first sight; 88.8% after the
  // rules above, which were made from blind3 and blind4 only. Its misses were read in the fourth
  // session and general rules added (proposals put as yes/no questions, questions about how answers
  // are recorded, words dictated to the grader, "struggling", an announced question): 96.0%.
  { file: 'blind5', role: 'dev (was blind)', minPerIntent: 14, floor: 0.955 },
  // Written blind in the fourth session (265 messages): 86.0% on first sight, 86.4-87.2% after the
  // rules made from blind5's and dev7's misses. Nobody has read its misses: the honest unseen figure.
  { file: 'blind6', role: 'blind', minPerIntent: 15, floor: 0.865 },
  // Written by another hand at the same time to be read (349 messages): 85.1% on first sight; its
  // misses led to general rules (placeholder text, an idea put up for the interviewer's view, claims of authority, reasons after
  // an idea, reasons beside a move-on, work of the candidate's day job, record and session questions).
  { file: 'dev7', role: 'dev', minPerIntent: 22, floor: 0.97 },
] as const;

function load(name: (typeof SETS)[number]['file']): LabelledMessage[] {
  const url = new URL(`../../eval/intents.${name}.json`, import.meta.url);
  return z.array(LabelledMessage).parse(JSON.parse(readFileSync(url, 'utf8')));
}

interface Miss {
  message: LabelledMessage;
  got: string;
  questions: string[];
}

/** Reads every message; a message counts as right when the intent and any expected question count match. */
function evaluate(messages: LabelledMessage[]) {
  const confusion = new Map<string, Map<string, number>>();
  const misses: Miss[] = [];
  for (const message of messages) {
    const reading = readIntent(message.text);
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
) {
  const lines = [
    `intents.${name} (${role}): ${(result.accuracy * 100).toFixed(1)}% of ${messages.length} right`,
    ...confusionTable(result),
  ];
  // Misses only for the sets named in MLSD_EVAL_MISSES: a blind set's misses, once read, make it a dev set.
  const shown = (process.env.MLSD_EVAL_MISSES ?? '').split(',').includes(name);
  for (const miss of shown ? result.misses : []) {
    lines.push(`  MISS ${miss.message.intent} -> ${miss.got}: ${JSON.stringify(miss.message.text)}`);
  }
  return lines.join('\n');
}

describe.each(SETS)('intent reading on the $role set intents.$file', (set) => {
  const { file, role, minPerIntent } = set;
  const floor = 'floor' in set ? set.floor : 0.95;
  const messages = load(file);
  const result = evaluate(messages);

  it(`covers every intent with at least ${minPerIntent} messages`, () => {
    for (const intent of CandidateIntent.options) {
      const count = messages.filter((message) => message.intent === intent).length;
      expect(count, intent).toBeGreaterThanOrEqual(minPerIntent);
    }
  });

  it(`reads at least ${Math.round(floor * 100)}% of the messages right (intent and question count)`, () => {
    console.log(summary(file, role, messages, result));
    expect(result.accuracy).toBeGreaterThanOrEqual(floor);
  });
});

/** Every phrasing of every question in the fact-matching sets: the fact index only sees `facts` messages. */
const FactQuestion = z.object({
  id: z.string(),
  plain: z.string(),
  filler: z.string().optional(),
  combined: z.string().optional(),
});

describe.each(['tune', 'holdout'] as const)('fact questions in fact-questions.%s.json', (file) => {
  const url = new URL(`../../eval/fact-questions.${file}.json`, import.meta.url);
  const entries = z.array(FactQuestion).parse(JSON.parse(readFileSync(url, 'utf8')));
  const phrasings = entries.flatMap((entry) =>
    [entry.plain, entry.filler, entry.combined].flatMap((text) =>
      text === undefined ? [] : [{ id: entry.id, text }],
    ),
  );

  it('reads every phrasing as a fact question', () => {
    const misread = phrasings
      .map(({ id, text }) => ({ id, text, intent: readIntent(text).intent }))
      .filter((reading) => reading.intent !== 'facts');
    expect(phrasings.length).toBeGreaterThan(100);
    expect(misread).toEqual([]);
  });
});
