import { CLAIM_MAX, type ClaimSessionsBody, type ClaimSessionsResponse } from '@mlsd/protocol';
import { claimDone, markClaimDone } from './owner.ts';
import { type KeyValueStore, listSessionKeys } from './storage.ts';

export type ClaimRequest = (sessions: ClaimSessionsBody['sessions']) => Promise<ClaimSessionsResponse>;

/**
 * Sessions started before the server knew owners belong to nobody, so no history lists them. This
 * browser kept each one's seat token; sending them once makes them this browser's. A failed
 * attempt is not remembered, so the next history load tries again (claiming twice is harmless).
 * Resolves to whether the claim is done; it never throws, the history loads either way.
 */
export async function claimKnownSessions(store: KeyValueStore, claim: ClaimRequest): Promise<boolean> {
  if (claimDone(store)) return true;
  const sessions = Object.values(listSessionKeys(store)).map(({ id, token }) => ({ id, token }));
  try {
    for (let start = 0; start < sessions.length; start += CLAIM_MAX) {
      await claim(sessions.slice(start, start + CLAIM_MAX));
    }
  } catch {
    return false;
  }
  markClaimDone(store);
  return true;
}
