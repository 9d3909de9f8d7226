/** One room of a chain of seat swaps, newest first: its case and who interviewed. */
export interface ChainRoom {
  caseId: string;
  interviewerTokenHash: string;
}

/**
 * The cases the next room of a swap may use. Its candidate is the person who just interviewed;
 * they must never be the candidate on a case whose answer key they held as interviewer anywhere
 * earlier in the chain. Among those, cases nobody in the chain has done yet come first, so the pair
 * keeps practising new material; when every case has been done, a repeat they only answered is
 * allowed. Empty: every case would show the new candidate a key they have seen.
 */
export function swapCasePool(chain: readonly ChainRoom[], caseIds: readonly string[]): string[] {
  const latest = chain[0];
  if (!latest) return [...caseIds];
  const nextCandidate = latest.interviewerTokenHash;
  const keysSeen = new Set(
    chain.filter((room) => room.interviewerTokenHash === nextCandidate).map((room) => room.caseId),
  );
  const done = new Set(chain.map((room) => room.caseId));
  const safe = caseIds.filter((id) => !keysSeen.has(id));
  const fresh = safe.filter((id) => !done.has(id));
  return fresh.length > 0 ? fresh : safe;
}
