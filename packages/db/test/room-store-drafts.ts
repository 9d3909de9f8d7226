import type { EventDraft, RoomChange, TurnDraft } from '../src/index.ts';

/** Event drafts the contract commits; plain protocol values, the same for every backend. */

export const command = (clientId: string): NonNullable<RoomChange['command']> => ({
  clientId,
  type: 'answer',
});

/** A candidate message: a turn with the client id of the command that carried it. */
export const said = (text: string, clientId: string): EventDraft => ({
  type: 'turn',
  turn: { role: 'candidate', step: 'requirements', kind: 'answer', text, at: 2_000, clientId },
});

/** An interviewer turn with every optional field a turn can carry, to check none is lost. */
export const askedTurn: TurnDraft = {
  role: 'interviewer',
  step: 'requirements',
  kind: 'hint',
  text: 'What would you predict, exactly?',
  at: 2_100,
  probedPointIds: ['p-label'],
  draftId: 'draft-7',
  hintLevel: 2,
  hintPointIds: ['p-label'],
  challengedFlagIds: ['f-leak'],
  curveballId: 'cb-cold-start',
};

export const asked: EventDraft = { type: 'turn', turn: askedTurn };

export const stepped: EventDraft = {
  type: 'step',
  step: 'framing',
  index: 1,
  startedAt: 3_000,
  budgetMs: 300_000,
  reason: 'candidate',
};

export const warned: EventDraft = { type: 'warning', step: 'requirements', remainingMs: 60_000 };

/**
 * A warning whose number is a BigInt: JSON cannot encode it, so a backend (SQLite or PostgreSQL)
 * throws while storing it, after the events before it in the same change were written.
 */
export const unencodable: EventDraft = {
  type: 'warning',
  step: 'requirements',
  remainingMs: 1n as unknown as number,
};
