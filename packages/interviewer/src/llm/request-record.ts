import type { ChatMessage, ChatUsage } from '@mlsd/llm';

/** One model request of a session (a turn or a summary), for logs, benchmarks and `economyOf`. */
export interface RequestRecord {
  purpose: 'turn' | 'summary';
  messages: ChatMessage[];
  usage: ChatUsage | null;
  attempts: number;
  ms: number;
}
