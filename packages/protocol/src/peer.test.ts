import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CANDIDATE_ONLY,
  CANDIDATE_VISIBLE,
  CreatePeerRoomBody,
  INTERVIEWER_ONLY,
  PeerClientMessage,
  PeerServerMessage,
} from './peer.ts';

describe('peer protocol', () => {
  it('documents every peer message type', () => {
    const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
    for (const schema of [...PeerClientMessage.options, ...PeerServerMessage.options]) {
      expect(doc).toContain(`### \`${schema.shape.type.value}\``);
    }
  });

  it('drops a role claimed inside a frame: the schema has no place for it', () => {
    const parsed = PeerClientMessage.parse({
      type: 'peer_say',
      clientId: 'a1',
      text: 'hello',
      role: 'interviewer',
      seat: 'interviewer',
    });
    expect(parsed).toEqual({ type: 'peer_say', clientId: 'a1', text: 'hello' });
  });

  it('needs either a case or a surprise, not both', () => {
    expect(CreatePeerRoomBody.safeParse({ caseId: 'x' }).success).toBe(true);
    expect(CreatePeerRoomBody.safeParse({ surprise: true }).success).toBe(true);
    expect(CreatePeerRoomBody.safeParse({}).success).toBe(false);
    expect(CreatePeerRoomBody.safeParse({ caseId: 'x', surprise: true }).success).toBe(false);
  });

  it('keeps interviewer-only frames and candidate-visible frames apart', () => {
    for (const type of INTERVIEWER_ONLY) expect(CANDIDATE_ONLY.has(type)).toBe(false);
    for (const type of ['peer_console', 'peer_coverage', 'peer_assessment', 'peer_pad_update'] as const) {
      expect(CANDIDATE_VISIBLE.has(type)).toBe(false);
    }
  });

  it('rejects an add of too many minutes and a rating outside 1-4', () => {
    const timer = { type: 'peer_timer', clientId: 'c', action: 'add_minutes' };
    expect(PeerClientMessage.safeParse({ ...timer, minutes: 5 }).success).toBe(true);
    expect(PeerClientMessage.safeParse({ ...timer, minutes: 500 }).success).toBe(false);
    const rate = { type: 'peer_rate', step: 'data', comment: '' };
    expect(PeerClientMessage.safeParse({ ...rate, score: 4 }).success).toBe(true);
    expect(PeerClientMessage.safeParse({ ...rate, score: 5 }).success).toBe(false);
  });
});
