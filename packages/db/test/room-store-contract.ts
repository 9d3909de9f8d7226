import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerEvent } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventDraft, RoomChange, RoomStore } from '../src/index.ts';
import { asked, askedTurn, command, said, stepped, warned } from './room-store-drafts.ts';

/** A store open on a database file, and how to close that connection (the file stays). */
export interface OpenedStore<New extends { id: string }, Rec extends New, Change extends RoomChange> {
  store: RoomStore<New, Rec, Change>;
  close(): void;
}

/** What the contract needs to know about one backend beyond the `RoomStore` interface. */
export interface RoomStoreBackend<New extends { id: string }, Rec extends New, Change extends RoomChange> {
  /** A store on the SQLite file at `file` (in a fresh temp dir), created and migrated when new. */
  open(file: string): OpenedStore<New, Rec, Change>;
  newRoom(id: string): New;
  /** A change with these common parts; with `mark`, one field of the record (notes, pad) set to it. */
  change(common: RoomChange, mark?: string): Change;
  /** The change that makes a created room run, for a backend whose rooms do not run from creation. */
  start?(at: number): Change;
  /** A change that ends the room's interview. */
  end(at: number): Change;
  /** An event the backend cannot store, so that a commit throws half-way through. */
  unstorableEvent: EventDraft;
  /** Whether two stores may write one file at once; if not, why (the test is then skipped). */
  sharedFile: true | { unsupported: string };
}

/**
 * The promises of `RoomStore`, checked against real SQLite files. Register a backend with one line
 * in room-store.contract.test.ts.
 */
export function runRoomStoreContract<New extends { id: string }, Rec extends New, Change extends RoomChange>(
  name: string,
  backend: RoomStoreBackend<New, Rec, Change>,
): void {
  type Store = RoomStore<New, Rec, Change>;
  let dir: string;
  let file: string;
  let opened: OpenedStore<New, Rec, Change>[] = [];

  const open = (): Store => {
    const next = backend.open(file);
    opened.push(next);
    return next.store;
  };
  /** Closes every open connection to the file, like a server shutting down. */
  const closeAll = () => {
    for (const each of opened) each.close();
    opened = [];
  };
  const createRunning = (store: Store, id: string) => {
    store.create(backend.newRoom(id));
    if (backend.start) store.commit(id, backend.start(1));
  };
  const commit = (store: Store, id: string, common: Omit<RoomChange, 'at'>, mark?: string) =>
    store.commit(id, backend.change({ at: 100, ...common }, mark));
  /** Everything the interface can read about one room. */
  const snapshot = (store: Store, id: string) => ({
    record: store.get(id),
    lastSeq: store.lastSeq(id),
    events: store.eventsAfter(id, 0),
    transcript: store.transcript(id),
  });

  describe(`RoomStore contract: ${name}`, () => {
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'mlsd-room-store-'));
      file = join(dir, 'rooms.sqlite');
    });

    afterEach(() => {
      closeAll();
      rmSync(dir, { recursive: true, force: true });
    });

    it('creates a room, reads it back, and refuses a taken id', () => {
      const store = open();
      store.create(backend.newRoom('r1'));
      expect(store.get('r1')).toMatchObject(backend.newRoom('r1'));
      expect(store.get('nope')).toBeUndefined();
      expect(() => store.create(backend.newRoom('r1'))).toThrow();
      expect(snapshot(store, 'r1')).toMatchObject({ lastSeq: 0, events: [], transcript: [] });
      expect(store.hasCommand('r1', 'c1')).toBe(false);
    });

    it('applies a command once per client id: a resend is a duplicate and changes nothing', () => {
      const store = open();
      createRunning(store, 'r1');
      createRunning(store, 'r2');
      const first = commit(store, 'r1', { command: command('c1'), events: [said('hello', 'c1')] }, 'first');
      expect(first).toMatchObject({ duplicate: false, events: [{ seq: 1 }] });
      const before = snapshot(store, 'r1');
      const again = commit(
        store,
        'r1',
        { command: command('c1'), events: [said('hello again', 'c1'), warned] },
        'second',
      );
      expect(again).toEqual({ duplicate: true, events: [] });
      expect(snapshot(store, 'r1')).toEqual(before);
      expect(store.hasCommand('r1', 'c1')).toBe(true);
      expect(store.hasCommand('r1', 'c2')).toBe(false);
      // Client ids are per room: the same id in another room is a new command.
      expect(store.hasCommand('r2', 'c1')).toBe(false);
      expect(commit(store, 'r2', { command: command('c1') })).toEqual({ duplicate: false, events: [] });
      expect(store.hasCommand('r2', 'c1')).toBe(true);
    });

    it('numbers events 1..n across commits; eventsAfter(k) is exactly the later ones, in order', () => {
      const store = open();
      createRunning(store, 'r1');
      createRunning(store, 'r2');
      const batches: EventDraft[][] = [
        [stepped, said('a', 'c1')],
        [],
        [warned],
        [asked, said('b', 'c2'), warned],
      ];
      const returned: ServerEvent[] = [];
      for (const events of batches) {
        const result = commit(store, 'r1', { events });
        expect(result.duplicate).toBe(false);
        returned.push(...result.events);
        expect(store.lastSeq('r1')).toBe(returned.length);
      }
      const n = returned.length;
      expect(returned.map((event) => event.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(returned[0]).toEqual({ ...stepped, seq: 1 });
      for (let k = 0; k <= n; k += 1) expect(store.eventsAfter('r1', k)).toEqual(returned.slice(k));
      expect(store.eventsAfter('r1', n + 5)).toEqual([]);
      // Each room has its own numbering.
      expect(commit(store, 'r2', { events: [warned] }).events).toEqual([{ ...warned, seq: 1 }]);
      expect(store.lastSeq('r1')).toBe(n);
    });

    it('builds the transcript from the turn events, in order, with ids "0", "1", ...', () => {
      const store = open();
      createRunning(store, 'r1');
      commit(store, 'r1', { events: [said('a', 'c1'), stepped] });
      commit(store, 'r1', { events: [asked] });
      commit(store, 'r1', { events: [warned, said('b', 'c2')] });
      const turns = store
        .eventsAfter('r1', 0)
        .flatMap((event) => (event.type === 'turn' ? [event.turn] : []));
      expect(turns.map((turn) => [turn.id, turn.text])).toEqual([
        ['0', 'a'],
        ['1', askedTurn.text],
        ['2', 'b'],
      ]);
      expect(store.transcript('r1')).toEqual(turns);
      // Every optional field of a turn comes back, not only the ones a transcript view shows.
      expect(store.transcript('r1')[1]).toEqual({ id: '1', ...askedTurn });
    });

    it('lists the running rooms as active, and not the ended ones', () => {
      const store = open();
      for (const id of ['a', 'b', 'c']) createRunning(store, id);
      store.commit('b', backend.end(50));
      expect(store.activeIds().sort()).toEqual(['a', 'c']);
    });

    it('reads everything back after a restart and carries on numbering', () => {
      const first = open();
      createRunning(first, 'r1');
      createRunning(first, 'r2');
      commit(first, 'r1', { command: command('c1'), events: [said('a', 'c1'), warned] }, 'before restart');
      commit(first, 'r1', { events: [asked] });
      first.commit('r2', backend.end(60));
      const before = snapshot(first, 'r1');
      const active = first.activeIds();
      closeAll();

      const second = open();
      expect(snapshot(second, 'r1')).toEqual(before);
      expect(second.activeIds()).toEqual(active);
      expect(second.hasCommand('r1', 'c1')).toBe(true);
      expect(commit(second, 'r1', { command: command('c1'), events: [said('a', 'c1')] }).duplicate).toBe(
        true,
      );
      const next = commit(second, 'r1', { command: command('c3'), events: [said('after', 'c3')] });
      expect(next.events).toMatchObject([
        { seq: before.lastSeq + 1, turn: { id: String(before.transcript.length), text: 'after' } },
      ]);
    });

    it('leaves nothing behind when a change throws half-way', () => {
      const store = open();
      createRunning(store, 'r1');
      commit(store, 'r1', { command: command('c1'), events: [said('a', 'c1')] });
      const before = snapshot(store, 'r1');
      const failing = { command: command('c2'), events: [said('b', 'c2'), warned, backend.unstorableEvent] };
      expect(() => commit(store, 'r1', failing, 'must not land')).toThrow();
      expect(snapshot(store, 'r1')).toEqual(before);
      // The client id was rolled back too, so the resend is applied rather than taken for a duplicate.
      expect(store.hasCommand('r1', 'c2')).toBe(false);
      const retry = commit(store, 'r1', { command: command('c2'), events: [said('b', 'c2')] });
      expect(retry).toMatchObject({ duplicate: false, events: [{ seq: 2, turn: { id: '1', text: 'b' } }] });
    });

    it('refuses a change to an unknown room, or leaves nothing behind', () => {
      const store = open();
      try {
        commit(store, 'ghost', { command: command('c1'), events: [said('boo', 'c1')] }, 'ghost');
      } catch {
        // Refusing is allowed; what matters is that nothing below was stored.
      }
      expect(snapshot(store, 'ghost')).toEqual({ record: undefined, lastSeq: 0, events: [], transcript: [] });
      expect(store.hasCommand('ghost', 'c1')).toBe(false);
      // A room created later under that id starts clean.
      createRunning(store, 'ghost');
      expect(commit(store, 'ghost', { command: command('c1'), events: [warned] })).toEqual({
        duplicate: false,
        events: [{ ...warned, seq: 1 }],
      });
    });

    const shared = backend.sharedFile === true ? it : it.skip;
    const why = backend.sharedFile === true ? '' : ` (skipped: ${backend.sharedFile.unsupported})`;
    shared(`numbers without gaps or repeats when two stores write one file${why}`, () => {
      const writers = [open(), open()];
      createRunning(writers[0]!, 'r1');
      // Interleaved, so a store that numbered from a cached last seq would repeat one.
      const order = [0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0, 1];
      order.forEach((writer, i) => {
        const events = i % 3 === 0 ? [said(`m${i}`, `c${i}`), warned] : [said(`m${i}`, `c${i}`)];
        commit(writers[writer]!, 'r1', { command: command(`c${i}`), events });
      });
      const [a, b] = writers as [Store, Store];
      const seqs = a.eventsAfter('r1', 0).map((event) => event.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(b.eventsAfter('r1', 0)).toEqual(a.eventsAfter('r1', 0));
      expect(b.transcript('r1').map((turn) => turn.id)).toEqual(order.map((_, i) => String(i)));
      // A command applied through one store is a duplicate through the other.
      expect(commit(b, 'r1', { command: command('c0') }).duplicate).toBe(true);
      expect(commit(a, 'r1', { command: command('c1') }).duplicate).toBe(true);
    });
  });
}
