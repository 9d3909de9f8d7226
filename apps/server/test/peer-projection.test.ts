import type { ServerMessage, SnapshotMessage, Turn } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { projectForView } from '../src/rooms/projection.ts';
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

const snapshot: SnapshotMessage = {
  type: 'snapshot',
  seat: 'interviewer',
  view: 'interviewer',
  room: {
    id: 'r',
    mode: 'peer',
    status: 'lobby',
    caseId: 'secret-case',
    interviewer: 'human',
    reportId: null,
    degraded: false,
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
  presence: { interviewer: true, candidate: false, observers: 0 },
  clock: null,
  transcript: [turn],
  notes: '',
  lastSeq: 4,
};

const coverage = { points: { p: { level: 'explained' as const, credit: 1, quote: 'q' } }, stepScores: {} };
const assessment = { marks: {}, ratings: {}, privateNotes: 'secret' };

describe('projectForView', () => {
  it("lets the candidate's own pad through to a candidate view (observers watch it; the room never echoes it to the candidate)", () => {
    expect(projectForView('candidate', { type: 'notes_update', text: 'x', at: 1 })).toEqual({
      type: 'notes_update',
      text: 'x',
      at: 1,
    });
  });

  it('passes everything to the interviewer unchanged', () => {
    expect(projectForView('interviewer', snapshot)).toBe(snapshot);
  });

  it('drops every interviewer-only frame for the candidate', () => {
    const only: ServerMessage[] = [
      {
        type: 'console',
        caseId: 'c',
        caseTitle: 't',
        prompt: 'p',
        steps: [],
        facts: [],
        coverage,
        assessment,
      },
      { type: 'coverage', coverage },
      { type: 'assessment', assessment },
    ];
    for (const message of only) expect(projectForView('candidate', message)).toBeNull();
  });

  it('strips probed point ids and any field it does not know from turns', () => {
    const sneaky = { ...turn, secret: 'answer key' } as Turn;
    const projected = projectForView('candidate', { type: 'turn', seq: 9, turn: sneaky });
    expect(projected).toEqual({
      type: 'turn',
      seq: 9,
      turn: { id: '3', role: 'interviewer', step: 'data', kind: 'probe', text: turn.text, at: 5 },
    });
  });

  it('hides a surprise case and the prompt before the start', () => {
    const projected = projectForView('candidate', snapshot) as SnapshotMessage;
    expect(projected.view).toBe('candidate');
    expect(projected.room).toMatchObject({ caseId: null, caseTitle: null, prompt: null });
    expect(projected.transcript[0]?.probedPointIds).toBeUndefined();
    const open = projectForView('candidate', {
      ...snapshot,
      room: { ...snapshot.room, surprise: false },
    }) as SnapshotMessage;
    expect(open.room).toMatchObject({ caseTitle: 'Secret case', prompt: null });
    const started = projectForView('candidate', {
      ...snapshot,
      room: { ...snapshot.room, status: 'active' },
    }) as SnapshotMessage;
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
