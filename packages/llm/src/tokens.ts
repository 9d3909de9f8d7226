import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';
import type { ChatMessage } from './chat.ts';

/**
 * Token counts with a real BPE tokenizer (o200k_base, as GPT-4o and later use). Local models
 * tokenise differently, usually within 10-20% of this; the folding budget keeps a margin for it.
 */
let encoder: Tiktoken | null = null;

function tokenizer(): Tiktoken {
  encoder ??= new Tiktoken(o200kBase);
  return encoder;
}

/** Tokens of `text`. */
export function countTokens(text: string): number {
  return text === '' ? 0 : tokenizer().encode(text).length;
}

/** Chat templates wrap each message in a few tokens of role markers. */
export const MESSAGE_OVERHEAD_TOKENS = 4;

/** Tokens a list of messages takes in a prompt, role markers included. */
export function countMessageTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + countTokens(message.content) + MESSAGE_OVERHEAD_TOKENS, 0);
}

/** The token ids of `text`, for prefix comparisons. */
export function encode(text: string): number[] {
  return text === '' ? [] : tokenizer().encode(text);
}

/**
 * Tokens two prompts share from the start: what a provider's prefix cache can serve. Messages are
 * serialised the way a chat template lays them out (role marker, then content, in order); the
 * shared characters are found first, so only they are tokenised.
 */
export function sharedPrefixTokens(a: readonly ChatMessage[], b: readonly ChatMessage[]): number {
  const left = serialise(a);
  const right = serialise(b);
  const limit = Math.min(left.length, right.length);
  let shared = 0;
  while (shared < limit && left.charCodeAt(shared) === right.charCodeAt(shared)) shared++;
  if (shared === left.length && shared === right.length) return encode(left).length;
  // The token that straddles the first difference is not shared.
  return Math.max(0, encode(left.slice(0, shared)).length - 1);
}

function serialise(messages: readonly ChatMessage[]): string {
  return messages.map((message) => `<|${message.role}|>${message.content}`).join('\n');
}
