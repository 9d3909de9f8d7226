import { describe, expect, it } from 'vitest';
import {
  getSessionKey,
  listSessionKeys,
  loadDraft,
  memoryStore,
  saveDraft,
  saveSessionKey,
  storedOutbox,
} from './storage.ts';

describe('session keys', () => {
  it('remembers tokens per session', () => {
    const store = memoryStore();
    saveSessionKey(store, { id: 'a', token: 't1', caseId: 'c', caseTitle: 'C', createdAt: 1 });
    saveSessionKey(store, { id: 'b', token: 't2', caseId: 'c', caseTitle: 'C', createdAt: 2 });
    expect(getSessionKey(store, 'a')?.token).toBe('t1');
    expect(Object.keys(listSessionKeys(store))).toEqual(['a', 'b']);
    expect(getSessionKey(store, 'zzz')).toBeNull();
  });

  it('survives garbage in storage', () => {
    const store = memoryStore();
    store.setItem('mlsd.sessions', '{not json');
    expect(listSessionKeys(store)).toEqual({});
    store.setItem('mlsd.sessions', JSON.stringify({ a: { id: 'a' }, b: { id: 'b', token: 'x' } }));
    expect(Object.keys(listSessionKeys(store))).toEqual(['b']);
  });
});

describe('outbox', () => {
  it('keeps unacknowledged entries in order and forgets acknowledged ones', () => {
    const store = memoryStore();
    const outbox = storedOutbox(store, 's1');
    outbox.add({ clientId: 'c1', text: 'one', createdAt: 1 });
    outbox.add({ clientId: 'c2', text: 'two', createdAt: 2 });
    outbox.add({ clientId: 'c1', text: 'one again', createdAt: 3 });
    expect(outbox.list().map((e) => e.clientId)).toEqual(['c2', 'c1']);
    expect(outbox.remove('c2')).toBe(true);
    expect(outbox.remove('c2')).toBe(false);
    // a reload reads the same entries back
    expect(storedOutbox(store, 's1').list()).toEqual([{ clientId: 'c1', text: 'one again', createdAt: 3 }]);
    expect(storedOutbox(store, 'other').list()).toEqual([]);
    outbox.remove('c1');
    expect(store.getItem('mlsd.outbox.s1')).toBeNull();
  });
});

describe('drafts', () => {
  it('stores and clears a draft', () => {
    const store = memoryStore();
    saveDraft(store, 's', 'half a thought');
    expect(loadDraft(store, 's')).toBe('half a thought');
    saveDraft(store, 's', '');
    expect(loadDraft(store, 's')).toBe('');
  });
});
