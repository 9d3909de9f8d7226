import type { ServerEvent } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AsyncRoomStore,
  type EventDraft,
  FencedError,
  type RoomChange,
  type RoomStore,
} from '../src/index.ts';
import { asked, askedTurn, command, said, stepped, warned } from './room-store-drafts.ts';

type Awaitable<T> = T | Promise<T>;

/** A synchronous store (SQLite) or one that returns Promises (PostgreSQL): the suite awaits both. */
export type AnyRoomStore<New extends { id: string }, Rec extends New, Change extends RoomChange> =
  | RoomStore<New, Rec, Change>
  | AsyncRoomStore<New, Rec, Change>;

/** A store open on a database, and how to close that connection (the database stays). */
export interface OpenedStore<New extends { id: string }, Rec extends New, Change extends RoomChange> {
  store: AnyRoomStore<New, Rec, Change>;
  close(): Awaitable<void>;
}

/** A fresh, empty database for one test (an SQLite file in a new temp dir, a new PostgreSQL database). */
export interface StorePlace {
  /** What `open` takes: a file path, a postgres:// URL. */
  location: string;
  /** Removes the database, after every store on it was closed. */
  remove(): Awaitable<void>;
}

/** What the contract needs to know about one backend beyond the `RoomStore` interface. */
export interface RoomStoreBackend<New extends { id: string }, Rec extends New, Change extends RoomChange> {
  /** A new empty database for one test. */
  place(): Awaitable<StorePlace>;
  /** A store on the database at `location`, created and migrated when new. */
  open(location: string): Awaitable<OpenedStore<New, Rec, Change>>;
  newRoom(id: string): New;
  /** A change with these common parts; with `mark`, one field of the record (notes, pad) set to it. */
  change(common: RoomChange, mark?: string): Change;
  /** The change that makes a created room run, for a backend whose rooms do not run from creation. */
  start?(at: number): Change;
  /** A change that ends the room's interview. */
  end(at: number): Change;
  /** An event the backend cannot store, so that a commit throws half-way through. */
  unstorableEvent: EventDraft;
  /** Whether two stores may write one database at once; if not, why (the test is then skipped). */
  sharedDatabase: true | { unsupported: string };
  /** Whether commits honour a `RoomFence` (a database several instances share); absent: ignored. */
  fencing?: true;
}

/** Settles with what `call` returns or throws, whether it throws at once or returns a rejected Promise. */
const attempt = <T>(call: () => Awaitable<T>): Promise<T> => Promise.resolve().then(call);

/**
 * The promises of `RoomStore`, checked against real databases (SQLite files, PostgreSQL databases),
 * every call awaited so that one suite holds synchronous and asynchronous stores alike. Register a
 * backend with one line in room-store.contract.test.ts.
 */
export function runRoomStoreContract<New extends { id: string }, Rec extends New, Change extends RoomChange>(
  name: string,
  backend: RoomStoreBackend<New, Rec, Change>,
): void {
  type Store = AnyRoomStore<New, Rec, Change>;
  let place: StorePlace;
  let opened: OpenedStore<New, Rec, Change>[] = [];

  const open = async (): Promise<Store> => {
    const next = await backend.open(place.location);
    opened.push(next);
    return next.store;
  };
  /** Closes every open connection to the database, like a server shutting down. */
  const closeAll = async () => {
    for (const each of opened) await each.close();
    opened = [];
  };
  const createRunning = async (store: Store, id: string) => {
    await store.create(backend.newRoom(id));
    if (backend.start) await store.commit(id, backend.start(1));
  };
  const commit = async (store: Store, id: string, common: Omit<RoomChange, 'at'>, mark?: string) =>
    store.commit(id, backend.change({ at: 100, ...common }, mark));
  /** Everything the interface can read about one room. */
  const snapshot = async (store: Store, id: string) => ({
    record: await store.get(id),
    lastSeq: await store.lastSeq(id),
    events: await store.eventsAfter(id, 0),
    transcript: await store.transcript(id),
  });

  describe(`RoomStore contract: ${name}`, () => {
    beforeEach(async () => {
      place = await backend.place();
    });

    afterEach(async () => {
      await closeAll();
      await place.remove();
    });

    it('creates a room, reads it back, and refuses a taken id', async () => {
      const store = await open();
      await store.create(backend.newRoom('r1'));
      expect(await store.get('r1')).toMatchObject(backend.newRoom('r1'));
      expect(await store.get('nope')).toBeUndefined();
      await expect(attempt(() => store.create(backend.newRoom('r1')))).rejects.toThrow();
      expect(await snapshot(store, 'r1')).toMatchObject({ lastSeq: 0, events: [], transcript: [] });
      expect(await store.hasCommand('r1', 'c1')).toBe(false);
    });

    it('applies a command once per client id: a resend is a duplicate and changes nothing', async () => {
      const store = await open();
      await createRunning(store, 'r1');
      await createRunning(store, 'r2');
      const first = await commit(
        store,
        'r1',
        { command: command('c1'), events: [said('hello', 'c1')] },
        'first',
      );
      expect(first).toMatchObject({ duplicate: false, events: [{ seq: 1 }] });
      const before = await snapshot(store, 'r1');
      const again = await commit(
        store,
        'r1',
        { command: command('c1'), events: [said('hello again', 'c1'), warned] },
        'second',
      );
      expect(again).toEqual({ duplicate: true, events: [] });
      expect(await snapshot(store, 'r1')).toEqual(before);
      expect(await store.hasCommand('r1', 'c1')).toBe(true);
      expect(await store.hasCommand('r1', 'c2')).toBe(false);
      // Client ids are per room: the same id in another room is a new command.
      expect(await store.hasCommand('r2', 'c1')).toBe(false);
      expect(await commit(store, 'r2', { command: command('c1') })).toEqual({ duplicate: false, events: [] });
      expect(await store.hasCommand('r2', 'c1')).toBe(true);
    });

    it('numbers events 1..n across commits; eventsAfter(k) is exactly the later ones, in order', async () => {
      const store = await open();
      await createRunning(store, 'r1');
      await createRunning(store, 'r2');
      const batches: EventDraft[][] = [
        [stepped, said('a', 'c1')],
        [],
        [warned],
        [asked, said('b', 'c2'), warned],
      ];
      const returned: ServerEvent[] = [];
      for (const events of batches) {
        const result = await commit(store, 'r1', { events });
        expect(result.duplicate).toBe(false);
        returned.push(...result.events);
        expect(await store.lastSeq('r1')).toBe(returned.length);
      }
      const n = returned.length;
      expect(returned.map((event) => event.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(returned[0]).toEqual({ ...stepped, seq: 1 });
      for (let k = 0; k <= n; k += 1) expect(await store.eventsAfter('r1', k)).toEqual(returned.slice(k));
      expect(await store.eventsAfter('r1', n + 5)).toEqual([]);
      // Each room has its own numbering.
      expect((await commit(store, 'r2', { events: [warned] })).events).toEqual([{ ...warned, seq: 1 }]);
      expect(await store.lastSeq('r1')).toBe(n);
    });

    it('builds the transcript from the turn events, in order, with ids "0", "1", ...', async () => {
      const store = await open();
      await createRunning(store, 'r1');
      await commit(store, 'r1', { events: [said('a', 'c1'), stepped] });
      await commit(store, 'r1', { events: [asked] });
      await commit(store, 'r1', { events: [warned, said('b', 'c2')] });
      const turns = (await store.eventsAfter('r1', 0)).flatMap((event) =>
        event.type === 'turn' ? [event.turn] : [],
      );
      expect(turns.map((turn) => [turn.id, turn.text])).toEqual([
        ['0', 'a'],
        ['1', askedTurn.text],
        ['2', 'b'],
      ]);
      expect(await store.transcript('r1')).toEqual(turns);
      // Every optional field of a turn comes back, not only the ones a transcript view shows.
      expect((await store.transcript('r1'))[1]).toEqual({ id: '1', ...askedTurn });
    });

    it('lists the running rooms as active, and not the ended ones', async () => {
      const store = await open();
      for (const id of ['a', 'b', 'c']) await createRunning(store, id);
      await store.commit('b', backend.end(50));
      expect((await store.activeIds()).sort()).toEqual(['a', 'c']);
    });

    it('reads everything back after a restart and carries on numbering', async () => {
      const first = await open();
      await createRunning(first, 'r1');
      await createRunning(first, 'r2');
      await commit(
        first,
        'r1',
        { command: command('c1'), events: [said('a', 'c1'), warned] },
        'before restart',
      );
      await commit(first, 'r1', { events: [asked] });
      await first.commit('r2', backend.end(60));
      const before = await snapshot(first, 'r1');
      const active = await first.activeIds();
      await closeAll();

      const second = await open();
      expect(await snapshot(second, 'r1')).toEqual(before);
      expect(await second.activeIds()).toEqual(active);
      expect(await second.hasCommand('r1', 'c1')).toBe(true);
      expect(
        (await commit(second, 'r1', { command: command('c1'), events: [said('a', 'c1')] })).duplicate,
      ).toBe(true);
      const next = await commit(second, 'r1', { command: command('c3'), events: [said('after', 'c3')] });
      expect(next.events).toMatchObject([
        { seq: before.lastSeq + 1, turn: { id: String(before.transcript.length), text: 'after' } },
      ]);
    });

    it('leaves nothing behind when a change throws half-way', async () => {
      const store = await open();
      await createRunning(store, 'r1');
      await commit(store, 'r1', { command: command('c1'), events: [said('a', 'c1')] });
      const before = await snapshot(store, 'r1');
      const failing = { command: command('c2'), events: [said('b', 'c2'), warned, backend.unstorableEvent] };
      await expect(attempt(() => commit(store, 'r1', failing, 'must not land'))).rejects.toThrow();
      expect(await snapshot(store, 'r1')).toEqual(before);
      // The client id was rolled back too, so the resend is applied rather than taken for a duplicate.
      expect(await store.hasCommand('r1', 'c2')).toBe(false);
      const retry = await commit(store, 'r1', { command: command('c2'), events: [said('b', 'c2')] });
      expect(retry).toMatchObject({ duplicate: false, events: [{ seq: 2, turn: { id: '1', text: 'b' } }] });
    });

    it('refuses a change to an unknown room, or leaves nothing behind', async () => {
      const store = await open();
      try {
        await commit(store, 'ghost', { command: command('c1'), events: [said('boo', 'c1')] }, 'ghost');
      } catch {
        // Refusing is allowed; what matters is that nothing below was stored.
      }
      expect(await snapshot(store, 'ghost')).toEqual({
        record: undefined,
        lastSeq: 0,
        events: [],
        transcript: [],
      });
      expect(await store.hasCommand('ghost', 'c1')).toBe(false);
      // A room created later under that id starts clean.
      await createRunning(store, 'ghost');
      expect(await commit(store, 'ghost', { command: command('c1'), events: [warned] })).toEqual({
        duplicate: false,
        events: [{ ...warned, seq: 1 }],
      });
    });

    const shared = backend.sharedDatabase === true ? it : it.skip;
    const why = backend.sharedDatabase === true ? '' : ` (skipped: ${backend.sharedDatabase.unsupported})`;
    shared(`numbers without gaps or repeats when two stores write one database${why}`, async () => {
      const writers = [await open(), await open()];
      await createRunning(writers[0]!, 'r1');
      // Interleaved, so a store that numbered from a cached last seq would repeat one.
      const order = [0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0, 1];
      for (const [i, writer] of order.entries()) {
        const events = i % 3 === 0 ? [said(`m${i}`, `c${i}`), warned] : [said(`m${i}`, `c${i}`)];
        await commit(writers[writer]!, 'r1', { command: command(`c${i}`), events });
      }
      const [a, b] = writers as [Store, Store];
      const seqs = (await a.eventsAfter('r1', 0)).map((event) => event.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(await b.eventsAfter('r1', 0)).toEqual(await a.eventsAfter('r1', 0));
      expect((await b.transcript('r1')).map((turn) => turn.id)).toEqual(order.map((_, i) => String(i)));
      // A command applied through one store is a duplicate through the other.
      expect((await commit(b, 'r1', { command: command('c0') })).duplicate).toBe(true);
      expect((await commit(a, 'r1', { command: command('c1') })).duplicate).toBe(true);
    });

    // Fencing matters where several instances share the database; SQLite ignores the fence.
    const fenced = backend.fencing ? it : it.skip;
    const unfenced = backend.fencing ? '' : ' (skipped: this backend ignores fences)';
    fenced(`refuses a commit with a lower fencing token than one already committed${unfenced}`, async () => {
      const [stale, fresh] = [await open(), await open()];
      await createRunning(stale, 'r1');
      const commitAs = (store: Store, token: number, clientId: string, mark: string) =>
        attempt(() =>
          store.commit(
            'r1',
            backend.change({ at: 100, command: command(clientId), events: [said(mark, clientId)] }, mark),
            { token },
          ),
        );
      expect((await commitAs(stale, 3, 'c1', 'first owner')).events.map((e) => e.seq)).toEqual([1]);
      // Equal and higher tokens pass: an owner commits many times, a later owner takes over.
      expect((await commitAs(stale, 3, 'c2', 'first owner again')).duplicate).toBe(false);
      expect((await commitAs(fresh, 7, 'c3', 'second owner')).duplicate).toBe(false);
      const before = await snapshot(fresh, 'r1');
      const refused = await commitAs(stale, 3, 'c4', 'deposed owner').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(FencedError);
      expect((refused as FencedError).code).toBe('FENCED');
      expect((refused as FencedError).message).toMatch(/later owner/);
      // Nothing of the refused change was stored: no event, no state, not even its command id.
      expect(await snapshot(fresh, 'r1')).toEqual(before);
      expect(await fresh.hasCommand('r1', 'c4')).toBe(false);
      expect((await commitAs(fresh, 7, 'c4', 'second owner again')).events.map((e) => e.seq)).toEqual([4]);
      expect((await commitAs(fresh, 8, 'c5', 'third owner')).duplicate).toBe(false);
    });
  });
}
