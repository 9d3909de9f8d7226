import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db, PeerStore } from '../src/index.ts';
import { newPeerRoom } from './room-fixtures.ts';

let dir: string;
let db: Db;
let store: PeerStore;

const say = (text: string, clientId: string) => ({
  type: 'turn' as const,
  turn: {
    role: 'candidate' as const,
    step: 'requirements' as const,
    kind: 'answer' as const,
    text,
    at: 2_000,
    clientId,
  },
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-peer-db-'));
  db = createDb(join(dir, 'test.sqlite'));
  store = new PeerStore(db.sqlite);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('PeerStore', () => {
  it('creates a room in the lobby and reads it back', () => {
    store.create(newPeerRoom('r1'));
    expect(store.get('r1')).toMatchObject({
      status: 'lobby',
      surprise: true,
      pad: '',
      engineState: null,
      autoReport: null,
      nextRoomId: null,
    });
    expect(store.get('nope')).toBeUndefined();
  });

  it('numbers events per room, builds the transcript from turns, and applies a client id once', () => {
    store.create(newPeerRoom('r1'));
    store.create(newPeerRoom('r2'));
    const first = store.commit('r1', {
      at: 1,
      command: { clientId: 'a', type: 'say' },
      events: [say('one', 'a')],
    });
    expect(first).toMatchObject({ duplicate: false, events: [{ seq: 1, turn: { id: '0', text: 'one' } }] });
    expect(
      store.commit('r1', { at: 2, command: { clientId: 'a', type: 'say' }, events: [say('one', 'a')] }),
    ).toEqual({
      duplicate: true,
      events: [],
    });
    store.commit('r1', {
      at: 3,
      events: [
        { type: 'step', step: 'framing', index: 1, startedAt: 3, budgetMs: 9, reason: 'candidate' },
        say('two', 'b'),
      ],
    });
    store.commit('r2', { at: 4, events: [say('other room', 'a')] });
    expect(store.lastSeq('r1')).toBe(3);
    expect(store.transcript('r1').map((t) => [t.id, t.text])).toEqual([
      ['0', 'one'],
      ['1', 'two'],
    ]);
    expect(store.eventsAfter('r1', 1).map((e) => e.type)).toEqual(['step', 'turn']);
    expect(store.transcript('r2')).toHaveLength(1);
    expect(store.hasCommand('r2', 'a')).toBe(false);
  });

  it('stores the start, the pad, the assessment, the end with its report and the next room', () => {
    store.create(newPeerRoom('r1'));
    store.commit('r1', { at: 5, started: { at: 5 }, engineState: { any: 'json' }, pad: '# notes' });
    expect(store.activeIds()).toEqual(['r1']);
    const autoReport = { overall: 42 } as unknown as Report;
    store.commit('r1', {
      at: 9,
      ended: { at: 9, reason: 'completed', autoReport },
      assessment: { marks: { p: 'covered' }, ratings: {}, privateNotes: 'x' },
      nextRoomId: 'r2',
    });
    expect(store.get('r1')).toMatchObject({
      status: 'ended',
      startedAt: 5,
      endedAt: 9,
      endReason: 'completed',
      pad: '# notes',
      engineState: { any: 'json' },
      autoReport: { overall: 42 },
      assessment: { marks: { p: 'covered' }, privateNotes: 'x' },
      nextRoomId: 'r2',
    });
    expect(store.activeIds()).toEqual([]);
  });
});
