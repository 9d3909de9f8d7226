import type { PeerRoomRecord } from '@mlsd/db';
import { DEFAULT_LEVEL, type SessionLevel } from '@mlsd/protocol';
import type { CaseStudy } from '@mlsd/rubric';
import { AppError } from '../../errors.ts';

/**
 * The level a peer room is judged at. It is stored with the room's assessment (the interviewer's
 * yardstick) because `peer_rooms` has no level column; rooms made before levels read as senior.
 */
export function roomLevel(record: Pick<PeerRoomRecord, 'assessment'>): SessionLevel {
  return record.assessment.level ?? DEFAULT_LEVEL;
}

/** Refuses a level the case is not written for, with the same 400 a solo session gets. */
export function requireCaseLevel(caseStudy: CaseStudy, level: SessionLevel): void {
  if (caseStudy.levels.includes(level)) return;
  throw new AppError(
    'VALIDATION_FAILED',
    `level: "${caseStudy.id}" is written for ${caseStudy.levels.join(' or ')} candidates, not ${level}; pick one of those levels or another case`,
  );
}

/** `wanted` when the case suits it, else senior when it does, else the case's lowest level. */
export function levelForCase(caseStudy: CaseStudy, wanted: SessionLevel): SessionLevel {
  if (caseStudy.levels.includes(wanted)) return wanted;
  if (caseStudy.levels.includes(DEFAULT_LEVEL)) return DEFAULT_LEVEL;
  return caseStudy.levels[0] ?? DEFAULT_LEVEL;
}
