import { MAX_ANSWER_CHARS } from '@mlsd/protocol';

export interface AnswerCheck {
  ok: boolean;
  reason: 'empty' | 'too-long' | null;
  length: number;
  over: number;
  /** Show the counter once the answer nears the limit. */
  showCount: boolean;
}

/** Mirrors the server's rule for answers (trimmed, 1..MAX_ANSWER_CHARS characters). */
export function answerCheck(text: string, max = MAX_ANSWER_CHARS): AnswerCheck {
  const length = text.trim().length;
  const over = Math.max(0, length - max);
  const reason = length === 0 ? 'empty' : over > 0 ? 'too-long' : null;
  return { ok: reason === null, reason, length, over, showCount: length >= max * 0.8 };
}
