import type { PeerStore } from '@mlsd/db';
import type { PeerErrorCode, PeerSeat, PeerServerMessage, Report, Turn } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';

/** One connected seat. The seat comes from the token the socket presented, never from a frame. */
export interface PeerSubscriber {
  readonly seat: PeerSeat;
  send(message: PeerServerMessage): void;
}

export interface PeerRefusal {
  code: PeerErrorCode;
  message: string;
}

/** What a room needs from the scorer: question detection and the automatic report. */
export interface PeerScorer {
  /** The message asks for facts about the case (the candidate turn is then a clarification). */
  asksForFacts(text: string): boolean;
  report(input: {
    roomId: string;
    caseStudy: CaseStudy;
    framework: Framework;
    durationMinutes: number;
    transcript: readonly Turn[];
    pad: string;
    startedAt: number | null;
    now: number;
  }): Report;
}

export interface PeerRoomDeps {
  store: PeerStore;
  clock: Clock;
  log: FastifyBaseLogger;
  scorer: PeerScorer;
}

export interface PeerCase {
  caseStudy: CaseStudy;
  framework: Framework;
}

export const refuse = (code: PeerErrorCode, message: string): PeerRefusal => ({ code, message });
export const FORBIDDEN_INTERVIEWER = refuse('FORBIDDEN', 'only the interviewer can do that');
export const FORBIDDEN_CANDIDATE = refuse('FORBIDDEN', 'only the candidate can do that');
export const ENDED = refuse(
  'ROOM_ENDED',
  'this interview has ended; nothing more can be added. Open the report.',
);
export const NOT_STARTED = refuse(
  'NOT_STARTED',
  'the interview has not started yet; the interviewer starts it from the console',
);
