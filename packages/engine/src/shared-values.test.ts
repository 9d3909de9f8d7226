import { SESSION_LEVELS as PROTOCOL_LEVELS, STEP_IDS as PROTOCOL_STEPS } from '@mlsd/protocol/values';
import { SESSION_LEVELS, STEP_IDS } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';

/**
 * @mlsd/protocol keeps its own copy of the step ids and session levels (it depends on nothing of
 * ours, and a fresh `mlsd score` reads them without zod). This package sees both: the copies agree.
 */
describe('values the protocol copies from the rubric package', () => {
  it('lists the same steps, in the same order', () => {
    expect([...PROTOCOL_STEPS]).toEqual([...STEP_IDS]);
  });

  it('lists the same session levels', () => {
    expect([...PROTOCOL_LEVELS]).toEqual([...SESSION_LEVELS]);
  });
});
