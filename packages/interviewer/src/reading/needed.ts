/**
 * A figure of the case asked for as what the candidate needs, not with a question: "I need the peak
 * rate of ad requests", "so i need the end-to-end p99 the service gets", after the candidate's plan
 * ("I'm planning velocity features, so I need the scoring budget"), or things listed after a colon
 * ("I need two things: the latency slice, and whether GPUs are allowed").
 */
import { FIGURE_NOUN } from '../facts/split.ts';

/**
 * "I'd want a budget line for GPUs", "I need a cap on spend": a budget line or a limit the candidate
 * sets or asks the company for, not a figure of the case ("I need the latency budget").
 */
const KEPT_BY_US = String.raw`(?:budget (?:line|item|increase|approval)|(?:cap|limit) on)\b`;

const FIGURE_REQUESTED = new RegExp(
  String.raw`^(?:(?:so|and|but|then|ok|okay)[\s,]+)*i(?:'ll| will|'d| would)?\s+(?:also\s+|still\s+|really\s+|first\s+|just\s+|only\s+)?(?:need|want|like)\s+(?:to know\s+)?(?:the|our|your|an?(?!\s+(?:[\w-]+\s+){0,3}?${KEPT_BY_US}))\s+(?:[\w-]+\s+){0,5}?${FIGURE_NOUN}\b`,
  'i',
);

/** "I need two things: the latency slice, and whether GPUs are allowed": what follows the colon is asked. */
const NEEDS_THINGS =
  /\bi(?:'ll| will|'d| would)? (?:need|want|like)(?: to know| to ask about)? (?:two|three|a few|a couple of|several|some) (?:things|numbers|figures|details|facts|bits)\s*:\s*(.+)$/i;

/** "I need the latency to be under 100 ms": a requirement stated, not a figure asked for. */
const FIGURE_REQUIRED =
  /\b(?:to be|to stay|to remain|under|below|above|at most|at least|less than|more than|within \d)\b/i;

const asksFigure = (clause: string) => FIGURE_REQUESTED.test(clause) && !FIGURE_REQUIRED.test(clause);

/** What a sentence (filler stripped, and its clauses) asks for as needed, or undefined. */
export function figureNeeded(core: string, clauses: readonly string[]): string | undefined {
  if (asksFigure(core)) return core;
  return NEEDS_THINGS.exec(core)?.[1] ?? clauses.find(asksFigure);
}
