import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chat.ts';
import { countMessageTokens, countTokens, MESSAGE_OVERHEAD_TOKENS, sharedPrefixTokens } from './tokens.ts';

const system: ChatMessage = {
  role: 'system',
  content: 'You interview candidates about ML systems. '.repeat(20),
};

describe('token counts', () => {
  it('counts text with the o200k tokenizer and adds role markers per message', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('How many users are there?')).toBe(6);
    const user: ChatMessage = { role: 'user', content: 'Hello.' };
    expect(countMessageTokens([system, user])).toBe(
      countTokens(system.content) + countTokens(user.content) + 2 * MESSAGE_OVERHEAD_TOKENS,
    );
  });

  it('measures the prefix two prompts share, up to the token that straddles the first difference', () => {
    const first = [system, { role: 'user' as const, content: 'First question.' }];
    const second = [system, { role: 'user' as const, content: 'Second question.' }];
    expect(sharedPrefixTokens(first, first)).toBeGreaterThan(countTokens(system.content));
    const shared = sharedPrefixTokens(first, second);
    expect(shared).toBeGreaterThanOrEqual(countTokens(system.content));
    expect(shared).toBeLessThan(sharedPrefixTokens(first, first));
  });
});
