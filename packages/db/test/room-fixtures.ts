import type { NewPeerRoom, NewSession } from '../src/index.ts';

/** New-room records shared by the store tests and the contract's backends. */

export function newSession(id: string, createdAt = 1_000): NewSession {
  return {
    id,
    tokenHash: `hash-of-${id}`,
    caseId: 'ad-click-prediction',
    caseTitle: 'Ad click prediction',
    durationMinutes: 45,
    interviewer: 'offline',
    seed: 7,
    engineState: { step: 'requirements', n: 1 },
    createdAt,
  };
}

export function newPeerRoom(id: string): NewPeerRoom {
  return {
    id,
    interviewerTokenHash: `i-${id}`,
    candidateTokenHash: `c-${id}`,
    caseId: 'case',
    caseTitle: 'Case',
    surprise: true,
    durationMinutes: 30,
    assessment: { marks: {}, ratings: {}, privateNotes: '' },
    createdAt: 1_000,
    previousRoomId: null,
  };
}
