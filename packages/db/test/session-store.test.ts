import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db, type EventDraft } from '../src/index.ts';
import { newSession } from './room-fixtures.ts';

let dir: string;
let file: string;
const open: Db[] = [];

function openDb(): Db {
  const db = createDb(file);
  open.push(db);
  return db;
}

function answer(clientId: string, text: string, at = 2_000): EventDraft {
  return {
    type: 'turn',
    turn: { role: 'candidate', step: 'requirements', kind: 'answer', text, at, clientId },
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-db-'));
  file = join(dir, 'test.sqlite');
});

afterEach(() => {
  for (const db of open.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('createDb', () => {
  it('sets the pragmas explicitly on a real file', () => {
    const db = openDb();
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 = FULL; better-sqlite3 would otherwise leave the build default.
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.ping()).toBe(true);
  });

  it('applies the versioned migrations once and keeps data across a reopen', () => {
    const first = openDb();
    first.sessions.create(newSession('s1'));
    first.sessions.commit('s1', {
      at: 2_000,
      command: { clientId: 'c1', type: 'answer' },
      events: [answer('c1', 'hi')],
    });
    first.sessions.commit('s1', { at: 2_500, notes: 'my notes', engineState: { step: 'framing' } });
    first.close();

    const second = openDb();
    const migrations = second.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as {
      n: number;
    };
    expect(migrations.n).toBeGreaterThan(0);
    const session = second.sessions.get('s1');
    expect(session?.notes).toBe('my notes');
    expect(session?.engineState).toEqual({ step: 'framing' });
    expect(second.sessions.transcript('s1').map((turn) => turn.text)).toEqual(['hi']);
    expect(second.sessions.lastSeq('s1')).toBe(1);
    const count = second.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as {
      n: number;
    };
    expect(count.n).toBe(migrations.n);
  });

  it('closes cleanly twice and reports a closed file as unusable', () => {
    const db = openDb();
    db.close();
    db.close();
    expect(db.ping()).toBe(false);
  });
});

describe('SessionStore', () => {
  it('stores a resent client id once and says it was a duplicate', () => {
    const db = openDb();
    db.sessions.create(newSession('s1'));
    const first = db.sessions.commit('s1', {
      at: 2_000,
      command: { clientId: 'c1', type: 'answer' },
      events: [answer('c1', 'hello')],
    });
    const again = db.sessions.commit('s1', {
      at: 2_100,
      command: { clientId: 'c1', type: 'answer' },
      events: [answer('c1', 'hello')],
    });
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ duplicate: true, events: [] });
    expect(db.sessions.transcript('s1')).toHaveLength(1);
    expect(db.sessions.lastSeq('s1')).toBe(1);
  });

  it('refuses a second turn with the same client id even past the command check', () => {
    const db = openDb();
    db.sessions.create(newSession('s1'));
    db.sessions.commit('s1', { at: 1, events: [answer('c1', 'one')] });
    expect(() => db.sessions.commit('s1', { at: 2, events: [answer('c1', 'two')] })).toThrow(/UNIQUE/);
    // Interviewer turns carry no client id; the partial index lets any number of them in.
    const interviewer: EventDraft = {
      type: 'turn',
      turn: { role: 'interviewer', step: 'requirements', kind: 'probe', text: 'why?', at: 3 },
    };
    db.sessions.commit('s1', { at: 3, events: [interviewer, interviewer] });
    expect(db.sessions.transcript('s1').map((turn) => turn.text)).toEqual(['one', 'why?', 'why?']);
  });

  it('numbers events, indexes turns and replays exactly the events after a seq', () => {
    const db = openDb();
    db.sessions.create(newSession('s1'));
    const { events } = db.sessions.commit('s1', {
      at: 1,
      events: [
        { type: 'step', step: 'requirements', index: 0, startedAt: 1, budgetMs: 300_000, reason: 'start' },
        {
          type: 'turn',
          turn: { role: 'interviewer', step: 'requirements', kind: 'opening', text: 'Hi', at: 1 },
        },
      ],
    });
    expect(events.map((event) => event.seq)).toEqual([1, 2]);
    const more = db.sessions.commit('s1', {
      at: 2,
      events: [answer('c1', 'Q?'), { type: 'warning', step: 'requirements', remainingMs: 60_000 }],
    });
    expect(more.events.map((event) => event.seq)).toEqual([3, 4]);
    expect(db.sessions.eventsAfter('s1', 2)).toEqual(more.events);
    expect(db.sessions.eventsAfter('s1', 4)).toEqual([]);
    expect(db.sessions.transcript('s1').map((turn) => turn.id)).toEqual(['0', '1']);
    const stored = db.sessions.eventsAfter('s1', 0)[2];
    expect(stored).toMatchObject({ type: 'turn', seq: 3, turn: { id: '1', clientId: 'c1', text: 'Q?' } });
  });

  it('writes nothing when any part of a change fails', () => {
    const db = openDb();
    db.sessions.create(newSession('s1'));
    db.sessions.commit('s1', { at: 1, events: [answer('c1', 'one')] });
    expect(() =>
      db.sessions.commit('s1', {
        at: 2,
        command: { clientId: 'c2', type: 'answer' },
        events: [answer('c2', 'two'), answer('c1', 'clash')],
        notes: 'should not land',
      }),
    ).toThrow();
    expect(db.sessions.transcript('s1')).toHaveLength(1);
    expect(db.sessions.lastSeq('s1')).toBe(1);
    expect(db.sessions.get('s1')?.notes).toBe('');
    // The command id was rolled back too, so a resend is not mistaken for a duplicate.
    expect(db.sessions.commit('s1', { at: 3, command: { clientId: 'c2', type: 'answer' } }).duplicate).toBe(
      false,
    );
  });

  it('enforces foreign keys', () => {
    const db = openDb();
    expect(() => db.sessions.commit('nope', { at: 1, events: [answer('c1', 'x')] })).toThrow(/FOREIGN KEY/);
  });

  // The history (list, page, claim) is checked on both backends by session-history-contract.ts.
  it('ends a session and stores its report and step timings', () => {
    const db = openDb();
    db.sessions.create(newSession('old', 1_000));
    db.sessions.create(newSession('new', 5_000));
    const report = { version: 1, overall: 72 } as unknown as Report;
    db.sessions.commit('old', {
      at: 9_000,
      ended: { at: 9_000, reason: 'completed' },
      report: { report, overall: 72, createdAt: 9_000 },
      steps: [
        {
          step: 'requirements',
          budgetMs: 300_000,
          usedMs: 250_000,
          status: 'done',
          startedAt: 1_000,
          endedAt: 251_000,
        },
      ],
      degraded: true,
    });
    expect(db.sessions.get('old')).toMatchObject({
      status: 'ended',
      endReason: 'completed',
      endedAt: 9_000,
      degraded: true,
    });
    expect(db.sessions.report('old')?.report).toEqual(report);
    expect(db.sessions.steps('old')).toEqual([
      {
        step: 'requirements',
        budgetMs: 300_000,
        usedMs: 250_000,
        status: 'done',
        startedAt: 1_000,
        endedAt: 251_000,
      },
    ]);
    expect(db.sessions.activeIds()).toEqual(['new']);
  });

  it('never has a column that could hold the token', () => {
    const db = openDb();
    const columns = db.sqlite.prepare("select name from pragma_table_info('sessions')").all() as {
      name: string;
    }[];
    expect(columns.map((column) => column.name)).toContain('token_hash');
    expect(columns.map((column) => column.name)).not.toContain('token');
  });
});
