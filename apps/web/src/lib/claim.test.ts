import { CLAIM_MAX } from '@mlsd/protocol';
import { describe, expect, it, vi } from 'vitest';
import { type ClaimRequest, claimKnownSessions } from './claim.ts';
import { claimDone } from './owner.ts';
import { memoryStore, saveSessionKey } from './storage.ts';

function storeWith(count: number) {
  const store = memoryStore();
  for (let i = 0; i < count; i++) {
    saveSessionKey(store, { id: `s${i}`, token: `t${i}`, caseId: 'c', caseTitle: 'C', createdAt: i });
  }
  return store;
}

describe('claimKnownSessions', () => {
  it('sends every known session with its token once, then never again', async () => {
    const store = storeWith(2);
    const claim = vi.fn<ClaimRequest>(async (sessions) => ({ claimed: sessions.length }));
    expect(await claimKnownSessions(store, claim)).toBe(true);
    expect(claim).toHaveBeenCalledWith([
      { id: 's0', token: 't0' },
      { id: 's1', token: 't1' },
    ]);
    expect(await claimKnownSessions(store, claim)).toBe(true);
    expect(claim).toHaveBeenCalledTimes(1);
    expect(claimDone(store)).toBe(true);
  });

  it('tries again next time when the claim fails, and never throws', async () => {
    const store = storeWith(1);
    const claim = vi
      .fn<ClaimRequest>()
      .mockRejectedValueOnce(new Error('server down'))
      .mockResolvedValueOnce({ claimed: 1 });
    expect(await claimKnownSessions(store, claim)).toBe(false);
    expect(claimDone(store)).toBe(false);
    expect(await claimKnownSessions(store, claim)).toBe(true);
    expect(claim).toHaveBeenCalledTimes(2);
    expect(claimDone(store)).toBe(true);
  });

  it(`sends at most ${CLAIM_MAX} per request`, async () => {
    const store = storeWith(CLAIM_MAX + 3);
    const claim = vi.fn<ClaimRequest>(async (sessions) => ({ claimed: sessions.length }));
    await claimKnownSessions(store, claim);
    expect(claim.mock.calls.map(([sessions]) => sessions.length)).toEqual([CLAIM_MAX, 3]);
  });

  it('marks a browser with no sessions done without asking the server', async () => {
    const store = memoryStore();
    const claim = vi.fn<ClaimRequest>();
    expect(await claimKnownSessions(store, claim)).toBe(true);
    expect(claim).not.toHaveBeenCalled();
    expect(claimDone(store)).toBe(true);
  });
});
