import type { PeerServerMessage, PeerSnapshotMessage, Turn } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { projectForSeat } from '../src/peer/projection.ts';
import { containsCanary } from './peer-client.ts';

const turn: Turn = {
  id: '3',
  role: 'interviewer',
  step: 'data',
  kind: 'probe',
  text: 'How would you label it?',
  at: 5,
  probedPointIds: ['label-delay'],
};

const snapshot: PeerSnapshotMessage = {
  type: 'peer_snapshot',
  seat: 'interviewer',
  room: {
    id: 'r',
    status: 'lobby',
    durationMinutes: 30,
    surprise: true,
    caseTitle: 'Secret case',
    prompt: 'Secret prompt',
    createdAt: 1,
    startedAt: null,
    endedAt: null,
    endReason: null,
    nextRoomId: null,
  },
  presence: { interviewer: true, candidate: false },
  clock: null,
  transcript: [turn],
  pad: '',
  lastSeq: 4,
};

const coverage = { points: { p: { level: 'explained' as const, credit: 1, quote: 'q' } }, stepScores: {} };
const assessment = { marks: {}, ratings: {}, privateNotes: 'secret' };

describe('projectForSeat', () => {
  it('passes everything to the interviewer unchanged', () => {
    expect(projectForSeat('interviewer', snapshot)).toBe(snapshot);
  });

  it('drops every interviewer-only frame for the candidate', () => {
    const only: PeerServerMessage[] = [
      {
        type: 'peer_console',
        caseId: 'c',
        caseTitle: 't',
        prompt: 'p',
        steps: [],
        facts: [],
        coverage,
        assessment,
      },
      { type: 'peer_coverage', coverage },
      { type: 'peer_assessment', assessment },
      { type: 'peer_pad_update', text: 'x', at: 1 },
    ];
    for (const message of only) expect(projectForSeat('candidate', message)).toBeNull();
  });

  it('strips probed point ids and any field it does not know from turns', () => {
    const sneaky = { ...turn, secret: 'answer key' } as Turn;
    const projected = projectForSeat('candidate', { type: 'turn', seq: 9, turn: sneaky });
    expect(projected).toEqual({
      type: 'turn',
      seq: 9,
      turn: { id: '3', role: 'interviewer', step: 'data', kind: 'probe', text: turn.text, at: 5 },
    });
  });

  it('hides a surprise case and the prompt before the start', () => {
    const projected = projectForSeat('candidate', snapshot) as PeerSnapshotMessage;
    expect(projected.seat).toBe('candidate');
    expect(projected.room).toMatchObject({ caseTitle: null, prompt: null });
    expect(projected.transcript[0]?.probedPointIds).toBeUndefined();
    const open = projectForSeat('candidate', {
      ...snapshot,
      room: { ...snapshot.room, surprise: false },
    }) as PeerSnapshotMessage;
    expect(open.room).toMatchObject({ caseTitle: 'Secret case', prompt: null });
    const started = projectForSeat('candidate', {
      ...snapshot,
      room: { ...snapshot.room, status: 'active' },
    }) as PeerSnapshotMessage;
    expect(started.room).toMatchObject({ caseTitle: 'Secret case', prompt: 'Secret prompt' });
  });
});

describe('containsCanary', () => {
  const canary = 'zq0123456789abcdef012345';
  it('finds the canary raw, escaped, percent-encoded and in base64 at every alignment', () => {
    expect(containsCanary(`..${canary}..`, canary)).toBe(true);
    expect(containsCanary(encodeURIComponent(`a b ${canary}`), canary)).toBe(true);
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const b64 = Buffer.from(`${prefix}${canary}tail`).toString('base64');
      expect(containsCanary(b64, canary)).toBe(true);
      expect(containsCanary(Buffer.from(`${prefix}${canary}`).toString('base64url'), canary)).toBe(true);
    }
    expect(containsCanary('nothing to see', canary)).toBe(false);
  });
});
