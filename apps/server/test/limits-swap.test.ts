import { describe, expect, it } from 'vitest';
import { swapCasePool } from '../src/rooms/peer/swap-case.ts';

// X and Y swap seats room after room; the newest room comes first.
const X = 'hash-of-x';
const Y = 'hash-of-y';

describe('the case of a swapped room', () => {
  it('never makes someone the candidate on a case whose key they held as interviewer earlier in the chain', () => {
    // Room 1: X interviews on A. Room 2: Y on B. Room 3: X on C. Room 4 makes X the candidate.
    const chain = [
      { caseId: 'C', interviewerTokenHash: X },
      { caseId: 'B', interviewerTokenHash: Y },
      { caseId: 'A', interviewerTokenHash: X },
    ];
    // Looking only at the last room (the old rule) would have allowed A, whose key X held in room 1.
    expect(swapCasePool(chain, ['A', 'B', 'C'])).toEqual(['B']);
    expect(swapCasePool(chain, ['A', 'B', 'C', 'D'])).toEqual(['D']);
  });

  it('prefers cases nobody in the chain has done, and is empty when every case shows a seen key', () => {
    const chain = [
      { caseId: 'B', interviewerTokenHash: Y },
      { caseId: 'A', interviewerTokenHash: X },
    ];
    // Y becomes the candidate: only B's key is theirs; A was only answered, C is new.
    expect(swapCasePool(chain, ['A', 'B', 'C'])).toEqual(['C']);
    expect(swapCasePool(chain, ['A', 'B'])).toEqual(['A']);
    expect(swapCasePool([{ caseId: 'A', interviewerTokenHash: X }], ['A'])).toEqual([]);
    expect(swapCasePool([], ['A', 'B'])).toEqual(['A', 'B']);
  });
});
