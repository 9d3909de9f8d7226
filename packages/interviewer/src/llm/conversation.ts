import type { ChatMessage } from '@mlsd/llm';
import type { TranscriptLine } from '../interviewer.ts';

/**
 * The fixed first user message. Chat templates of many local models require the conversation to
 * start with a user turn and to alternate; the interviewer speaks first, so this opens it.
 */
export const ROOM_OPENED = '(The candidate has joined the interview room.)';

export interface MessagesInput {
  /** The session's fixed system message (persona, framework, instructions, case). */
  stable: string;
  /** Turns folded into `summary` are left out: pass the ones after it. */
  lines: readonly TranscriptLine[];
  /** A summary of the turns before `lines`, or null. */
  summary: string | null;
  /** The volatile note (step, time, uncovered points, what to do), always last. */
  note: string;
}

/**
 * Lays a request out for the prefix cache: the stable system message, the opening user line (and
 * summary), the conversation as alternating user/assistant messages, then the volatile note. The
 * note rides on the last candidate message, so every earlier byte is what the previous request
 * sent; consecutive turns of one role are joined, as strict chat templates demand.
 */
export function buildMessages(input: MessagesInput): ChatMessage[] {
  const messages: ChatMessage[] = [{ role: 'system', content: input.stable }];
  const opening = input.summary === null ? ROOM_OPENED : `${ROOM_OPENED}\n\n${summaryBlock(input.summary)}`;
  push(messages, 'user', opening);
  for (const line of input.lines) {
    if (line.text.trim() === '') continue;
    push(messages, line.role === 'interviewer' ? 'assistant' : 'user', line.text);
  }
  push(messages, 'user', input.note);
  return messages;
}

/** How a summary of folded turns is shown to the model. */
export function summaryBlock(summary: string): string {
  return `Summary of the interview so far (earlier turns were folded into it to save space):\n${summary}`;
}

function push(messages: ChatMessage[], role: ChatMessage['role'], content: string): void {
  const last = messages[messages.length - 1];
  if (last && last.role === role && role !== 'system') last.content = `${last.content}\n\n${content}`;
  else messages.push({ role, content });
}
