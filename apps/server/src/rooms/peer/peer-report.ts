import type { PeerRoomRecord } from '@mlsd/db';
import type {
  ConsoleStep,
  DrawingScene,
  Evidence,
  HireSignal,
  PeerAssessment,
  PeerPointResult,
  PeerReport,
  PeerSeat,
  PeerStepResult,
  Report,
  Turn,
} from '@mlsd/protocol';
import { hireSignal } from '@mlsd/scoring';
import { candidateTurn } from '../candidate-turn.ts';
import { roomLevel } from './room-level.ts';

/** The 1-4 rating scale read as hire signals, so a step's automatic score can be put beside it. */
const SIGNAL_RATING: Record<HireSignal, number> = {
  'no-hire': 1,
  'lean-no-hire': 2,
  hire: 3,
  'strong-hire': 4,
};

/** The rating the matcher's score for a step corresponds to. */
export function autoRating(score: number): number {
  return SIGNAL_RATING[hireSignal(score)];
}

export interface PeerReportInput {
  room: PeerRoomRecord;
  auto: Report;
  steps: ConsoleStep[];
  assessment: PeerAssessment;
  transcript: Turn[];
  pad: string;
  drawing: DrawingScene | null;
}

/**
 * The report of a peer session for one seat: the interviewer's ratings beside the matcher's
 * scores, and point by point where they disagree. The candidate's copy carries no answer key:
 * no point titles, probes or strong answers, only counts and the candidate's own quotes.
 */
export function buildPeerReport(input: PeerReportInput, seat: PeerSeat): PeerReport {
  const { auto, assessment, room } = input;
  const answerKey = seat === 'interviewer';
  let disagreements = 0;
  const steps = auto.steps.map((step): PeerStepResult => {
    const key = input.steps.find((s) => s.id === step.id);
    const points: PeerPointResult[] = (key?.points ?? []).map((point) => {
      const covered = step.covered.find((c) => c.pointId === point.id);
      const human = assessment.marks[point.id] ?? null;
      const autoCovered = covered !== undefined;
      return {
        pointId: point.id,
        title: point.title,
        weight: point.weight,
        auto: covered?.level ?? 'missed',
        evidence: covered?.evidence ?? null,
        human,
        disagree: human !== null && (human === 'covered') !== autoCovered,
        strong: point.strong,
        ...(point.bonus ? { bonus: true as const } : {}),
      };
    });
    const expected = step.covered.filter((point) => !point.beyondLevel);
    const rating = assessment.ratings[step.id]?.score ?? null;
    const ratingDisagrees = rating !== null && Math.abs(rating - autoRating(step.score)) >= 2;
    const pointDisagreements = points.filter((point) => point.disagree).length;
    disagreements += pointDisagreements + (ratingDisagrees ? 1 : 0);
    return {
      id: step.id,
      title: step.title,
      autoScore: step.score,
      rating,
      comment: assessment.ratings[step.id]?.comment ?? '',
      disagree: ratingDisagrees,
      // Counts of the points expected at the room's level; a bonus shows in `points` alone.
      pointsCovered: expected.length,
      pointsTotal: expected.length + step.missed.length,
      pointDisagreements,
      quotes: uniqueQuotes(step.covered.map((point) => point.evidence)),
      points: answerKey ? points : [],
    };
  });
  const ratings = steps.flatMap((step) => (step.rating === null ? [] : [step.rating]));
  return {
    version: 1,
    roomId: room.id,
    seat,
    caseId: room.caseId,
    caseTitle: room.caseTitle,
    durationMinutes: room.durationMinutes,
    level: roomLevel(room),
    createdAt: auto.createdAt,
    endReason: room.endReason,
    autoOverall: auto.overall,
    autoSignal: auto.hireSignal,
    humanAverage:
      ratings.length === 0
        ? null
        : Math.round((ratings.reduce((sum, value) => sum + value, 0) / ratings.length) * 10) / 10,
    disagreements,
    steps,
    answerKey,
    transcript: answerKey ? input.transcript : input.transcript.map(candidateTurn),
    pad: input.pad,
    drawing: input.drawing,
  };
}

/** One quote can earn several points; show it once. */
function uniqueQuotes(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.flatMap((item) => {
    const key = `${item.turnIndex}:${item.quote}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ quote: item.quote, turnIndex: item.turnIndex }];
  });
}
