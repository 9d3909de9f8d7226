import { type ChatMessage, sharedPrefixTokens } from '@mlsd/llm';
import type { RequestRecord } from './request-record.ts';

/** OpenAI bills cached input at a quarter of the price; other providers are similar or cheaper. */
export const CACHE_DISCOUNT = 0.75;

export interface EconomyFigures {
  /** Model requests of the session (turns and summaries). */
  requests: number;
  turns: number;
  /** Prompt tokens sent, as the provider counted them. */
  inputTokens: number;
  /** Of those, served from the provider's prefix cache (or, when it does not say, the identical prefix). */
  cachedTokens: number;
  /** `provider` when every request reported cached_tokens; `prefix` when some were measured here. */
  cacheSource: 'provider' | 'prefix' | 'mixed';
  cacheableShare: number;
  /** The same share over turns 3 and later, and the lowest single turn there. */
  cacheableShareFromTurn3: number;
  minShareFromTurn3: number;
  /** Resending the whole conversation every turn, with no cache: the baseline. */
  naiveInputTokens: number;
  /** Uncached tokens plus cached ones at the discount. */
  billedInputTokens: number;
  inputRatio: number;
  billedRatio: number;
}

/**
 * Prompt economy of a session from its request records. `naivePromptTokens[i]` is what turn i
 * would cost resending everything (the whole transcript, never folded); it defaults to the turn's
 * own prompt, which is the same thing when nothing was folded.
 */
export function economyOf(
  records: readonly RequestRecord[],
  options: { naivePromptTokens?: readonly number[]; discount?: number } = {},
): EconomyFigures {
  const discount = options.discount ?? CACHE_DISCOUNT;
  const earlier: ChatMessage[][] = [];
  let measured = 0;
  const rows = records.map((record) => {
    const prompt = record.usage?.promptTokens ?? 0;
    let cached = record.usage?.cachedTokens ?? null;
    if (cached === null) {
      measured++;
      const best = Math.max(0, ...earlier.map((messages) => sharedPrefixTokens(messages, record.messages)));
      cached = Math.min(prompt, best);
    }
    earlier.push(record.messages);
    if (earlier.length > 4) earlier.shift();
    return { purpose: record.purpose, prompt, cached };
  });
  const turns = rows.filter((row) => row.purpose === 'turn');
  const late = turns.slice(2);
  const sum = (list: typeof rows, key: 'prompt' | 'cached') =>
    list.reduce((total, row) => total + row[key], 0);
  const inputTokens = sum(rows, 'prompt');
  const cachedTokens = sum(rows, 'cached');
  const naiveInputTokens = options.naivePromptTokens
    ? options.naivePromptTokens.reduce((total, n) => total + n, 0)
    : sum(turns, 'prompt');
  const billedInputTokens = Math.round(inputTokens - cachedTokens + cachedTokens * (1 - discount));
  const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
  return {
    requests: rows.length,
    turns: turns.length,
    inputTokens,
    cachedTokens,
    cacheSource: measured === 0 ? 'provider' : measured === rows.length ? 'prefix' : 'mixed',
    cacheableShare: ratio(cachedTokens, inputTokens),
    cacheableShareFromTurn3: ratio(sum(late, 'cached'), sum(late, 'prompt')),
    minShareFromTurn3: late.length === 0 ? 0 : Math.min(...late.map((row) => ratio(row.cached, row.prompt))),
    naiveInputTokens,
    billedInputTokens,
    inputRatio: ratio(inputTokens, naiveInputTokens),
    billedRatio: ratio(billedInputTokens, naiveInputTokens),
  };
}
