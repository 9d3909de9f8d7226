import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS } from './common.ts';
import { ClientMessage, ServerMessage } from './ws.ts';

describe('ClientMessage', () => {
  it('accepts a well-formed answer', () => {
    const parsed = ClientMessage.safeParse({ type: 'answer', clientId: 'abc_1', text: 'How many users?' });
    expect(parsed.success).toBe(true);
  });

  it('rejects an unknown type and names the allowed ones', () => {
    const parsed = ClientMessage.safeParse({ type: 'shout', text: 'hi' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('answer');
  });

  it('rejects an over-long answer with a message stating the limit', () => {
    const parsed = ClientMessage.safeParse({
      type: 'answer',
      clientId: 'a',
      text: 'x'.repeat(MAX_ANSWER_CHARS + 1),
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(String(MAX_ANSWER_CHARS));
  });

  it('rejects client ids with characters outside the allowed set', () => {
    expect(ClientMessage.safeParse({ type: 'next_step', clientId: 'a b' }).success).toBe(false);
    expect(ClientMessage.safeParse({ type: 'next_step', clientId: 'x'.repeat(65) }).success).toBe(false);
  });
});

describe('ServerMessage', () => {
  it('requires a positive seq on numbered events', () => {
    const base = { type: 'warning', step: 'data', remainingMs: 60_000 };
    expect(ServerMessage.safeParse({ ...base, seq: 3 }).success).toBe(true);
    expect(ServerMessage.safeParse({ ...base, seq: 0 }).success).toBe(false);
    expect(ServerMessage.safeParse(base).success).toBe(false);
  });
});

describe('streamed drafts', () => {
  it('carry no seq, and a committed turn may name the draft it replaces', () => {
    const delta = { type: 'turn_delta', draftId: 's:3', step: 'data', text: 'How ' };
    expect(ServerMessage.safeParse(delta).success).toBe(true);
    expect(ServerMessage.safeParse({ ...delta, draftId: 'x'.repeat(129) }).success).toBe(false);
    expect(ServerMessage.safeParse({ type: 'turn_discard', draftId: 's:3', reason: 'failed' }).success).toBe(
      true,
    );
    expect(ServerMessage.safeParse({ type: 'turn_discard', draftId: 's:3', reason: 'bored' }).success).toBe(
      false,
    );
    const turn = { id: '4', role: 'interviewer', step: 'data', kind: 'probe', text: 'How?', at: 1 };
    expect(ServerMessage.safeParse({ type: 'turn', seq: 5, turn: { ...turn, draftId: 's:3' } }).success).toBe(
      true,
    );
  });
});
