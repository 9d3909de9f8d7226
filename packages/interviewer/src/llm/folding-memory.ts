import { createHash } from 'node:crypto';
import { countTokens, type LlmChat, LlmError, MESSAGE_OVERHEAD_TOKENS } from '@mlsd/llm';
import type { TranscriptLine } from '../interviewer.ts';
import { buildMessages } from './conversation.ts';
import { extractiveSummary, foldBoundaries } from './fold.ts';
import type { PromptSet } from './prompts.ts';
import type { RequestRecord } from './request-record.ts';

/** Words asked of a summary; about 1.4 tokens each. */
const SUMMARY_WORDS = 300;
const SUMMARY_MAX_TOKENS = 600;
/** Room for the volatile note and message markers. */
const NOTE_RESERVE_TOKENS = 400;
/** Our tokenizer is not the local model's: leave this share of the window unused. */
const TOKENIZER_MARGIN = 0.85;
const MIN_BUDGET = 300;
const MAX_CACHED = 256;

export interface FoldingOptions {
  client: LlmChat;
  prompts: PromptSet;
  model: string;
  contextTokens: number | null;
  /** Tokens kept free for the reply. */
  reserveTokens: number;
  onRequest: (record: RequestRecord) => void;
  now: () => number;
}

/**
 * Keeps a long interview inside a small context window. The fold points come from the transcript
 * alone (see `foldBoundaries`), and each summary is computed once and remembered by the content it
 * covers, so one instance can serve any number of sessions and a request's bytes only change when
 * a new fold happens.
 */
export class FoldingMemory {
  readonly #options: FoldingOptions;
  readonly #summaries = new Map<string, Promise<string>>();
  readonly #tokens = new Map<string, number>();

  constructor(options: FoldingOptions) {
    this.#options = options;
  }

  /** The lines to send in full and the summary of the ones before them (null when nothing is folded). */
  async fold(
    stable: string,
    transcript: readonly TranscriptLine[],
    signal?: AbortSignal,
  ): Promise<{ lines: readonly TranscriptLine[]; summary: string | null }> {
    const { contextTokens, reserveTokens } = this.#options;
    if (contextTokens === null) return { lines: transcript, summary: null };
    const budget = Math.max(
      MIN_BUDGET,
      Math.floor(contextTokens * TOKENIZER_MARGIN) -
        this.#count(stable) -
        NOTE_RESERVE_TOKENS -
        reserveTokens -
        SUMMARY_MAX_TOKENS,
    );
    const boundaries = foldBoundaries(
      transcript.map((line) => this.#count(line.text) + MESSAGE_OVERHEAD_TOKENS),
      budget,
    );
    if (boundaries.length === 0) return { lines: transcript, summary: null };
    const summary = await this.#summaryAt(stable, transcript, boundaries, boundaries.length - 1, signal);
    return { lines: transcript.slice(boundaries[boundaries.length - 1]), summary };
  }

  /** The summary of lines [0, boundaries[k]): the previous summary plus the lines folded since. */
  #summaryAt(
    stable: string,
    transcript: readonly TranscriptLine[],
    boundaries: readonly number[],
    k: number,
    signal: AbortSignal | undefined,
  ): Promise<string> {
    const to = boundaries[k] ?? 0;
    const key = keyOf(stable, transcript.slice(0, to));
    const known = this.#summaries.get(key);
    if (known) return known;
    const made = (async () => {
      const previous = k > 0 ? await this.#summaryAt(stable, transcript, boundaries, k - 1, signal) : null;
      const lines = transcript.slice(k > 0 ? (boundaries[k - 1] ?? 0) : 0, to);
      return this.#summarise(stable, previous, lines, signal);
    })();
    this.#summaries.set(key, made);
    // A cancelled summary must be asked again next time, not remembered as failed.
    made.catch(() => this.#summaries.delete(key));
    if (this.#summaries.size > MAX_CACHED) this.#summaries.delete(this.#summaries.keys().next().value!);
    return made;
  }

  async #summarise(
    stable: string,
    previous: string | null,
    lines: readonly TranscriptLine[],
    signal: AbortSignal | undefined,
  ): Promise<string> {
    const { client, prompts, model, onRequest, now } = this.#options;
    const messages = buildMessages({
      stable,
      lines,
      summary: previous,
      note: prompts.summary.render({ max_words: String(SUMMARY_WORDS) }),
    });
    const started = now();
    try {
      const result = await client.chat({
        model,
        messages,
        maxTokens: SUMMARY_MAX_TOKENS,
        ...(signal ? { signal } : {}),
      });
      onRequest({
        purpose: 'summary',
        messages,
        usage: result.usage,
        attempts: result.attempts,
        ms: now() - started,
      });
      const text = result.text.replace(/<think>[\s\S]*?(?:<\/think>|$)/g, '').trim();
      if (text !== '') return text;
    } catch (error) {
      if (error instanceof LlmError && error.code === 'ABORTED') throw error;
    }
    return extractiveSummary(previous, lines, SUMMARY_WORDS);
  }

  #count(text: string): number {
    let count = this.#tokens.get(text);
    if (count === undefined) {
      count = countTokens(text);
      if (this.#tokens.size > 5000) this.#tokens.clear();
      this.#tokens.set(text, count);
    }
    return count;
  }
}

function keyOf(stable: string, lines: readonly TranscriptLine[]): string {
  const hash = createHash('sha256').update(stable);
  for (const line of lines) hash.update(`\u0000${line.role}\u0000${line.text}`);
  return hash.digest('hex');
}
