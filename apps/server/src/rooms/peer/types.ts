import type { AsyncDb } from '@mlsd/db';
import type { Report, SessionLevel, Turn } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock.ts';
import type { RoomCase } from '../room-case.ts';

/** What a peer room needs from the scorer: question detection and the automatic report. */
export interface PeerScorer {
  /** The message asks for facts about the case (the candidate turn is then a clarification). */
  asksForFacts(text: string): boolean;
  report(
    input: RoomCase & {
      roomId: string;
      durationMinutes: number;
      transcript: readonly Turn[];
      pad: string;
      startedAt: number | null;
      now: number;
      /** Points expected only above it are bonuses, never missing. */
      level: SessionLevel;
    },
  ): Report;
}

export interface HumanInterviewerDeps {
  store: AsyncDb['peers'];
  clock: Clock;
  log: FastifyBaseLogger;
  scorer: PeerScorer;
}
