import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from './capabilities.ts';
import { ClientMessage } from './client-frames.ts';
import { MAX_ANSWER_CHARS } from './common.ts';
import { CreatePeerRoomBody } from './peer.ts';
import { CANDIDATE_VISIBLE, ServerMessage } from './server-frames.ts';

describe('ClientMessage', () => {
  it('accepts a well-formed line', () => {
    const parsed = ClientMessage.safeParse({ type: 'say', clientId: 'abc_1', text: 'How many users?' });
    expect(parsed.success).toBe(true);
  });

  it('rejects an unknown type and names the allowed ones', () => {
    const parsed = ClientMessage.safeParse({ type: 'shout', text: 'hi' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('say');
  });

  it('rejects an over-long line with a message stating the limit', () => {
    const parsed = ClientMessage.safeParse({
      type: 'say',
      clientId: 'a',
      text: 'x'.repeat(MAX_ANSWER_CHARS + 1),
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(String(MAX_ANSWER_CHARS));
  });

  it('rejects client ids with characters outside the allowed set', () => {
    const timer = { type: 'timer', action: 'next_step' };
    expect(ClientMessage.safeParse({ ...timer, clientId: 'a b' }).success).toBe(false);
    expect(ClientMessage.safeParse({ ...timer, clientId: 'x'.repeat(65) }).success).toBe(false);
  });

  it('drops a role claimed inside a frame: the schema has no place for it', () => {
    const parsed = ClientMessage.parse({
      type: 'say',
      clientId: 'a1',
      text: 'hello',
      role: 'interviewer',
      seat: 'interviewer',
    });
    expect(parsed).toEqual({ type: 'say', clientId: 'a1', text: 'hello' });
  });

  it('rejects an add of too many minutes and a rating outside 1-4', () => {
    const timer = { type: 'timer', clientId: 'c', action: 'add_minutes' };
    expect(ClientMessage.safeParse({ ...timer, minutes: 5 }).success).toBe(true);
    expect(ClientMessage.safeParse({ ...timer, minutes: 500 }).success).toBe(false);
    const rate = { type: 'rate', step: 'data', comment: '' };
    expect(ClientMessage.safeParse({ ...rate, score: 4 }).success).toBe(true);
    expect(ClientMessage.safeParse({ ...rate, score: 5 }).success).toBe(false);
  });
});

describe('ServerMessage', () => {
  it('requires a positive seq on numbered events', () => {
    const base = { type: 'warning', step: 'data', remainingMs: 60_000 };
    expect(ServerMessage.safeParse({ ...base, seq: 3 }).success).toBe(true);
    expect(ServerMessage.safeParse({ ...base, seq: 0 }).success).toBe(false);
    expect(ServerMessage.safeParse(base).success).toBe(false);
  });

  it('keeps the console, coverage and assessment out of the candidate view', () => {
    for (const type of ['console', 'coverage', 'assessment'] as const) {
      expect(CANDIDATE_VISIBLE.has(type)).toBe(false);
    }
  });
});

describe('capabilities', () => {
  it('lets observers send nothing, and only a human interviewer mark, rate or keep private notes', () => {
    expect(CAPABILITIES.solo.observer).toEqual([]);
    expect(CAPABILITIES.peer.observer).toEqual([]);
    for (const type of ['mark', 'rate', 'private_notes'] as const) {
      expect(CAPABILITIES.peer.candidate).not.toContain(type);
      expect(CAPABILITIES.solo.candidate).not.toContain(type);
    }
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

describe('peer rooms', () => {
  it('need either a case or a surprise, not both', () => {
    expect(CreatePeerRoomBody.safeParse({ caseId: 'x' }).success).toBe(true);
    expect(CreatePeerRoomBody.safeParse({ surprise: true }).success).toBe(true);
    expect(CreatePeerRoomBody.safeParse({}).success).toBe(false);
    expect(CreatePeerRoomBody.safeParse({ caseId: 'x', surprise: true }).success).toBe(false);
  });
});
