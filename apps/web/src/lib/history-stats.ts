import {
  type CaseSummary,
  SESSION_LEVELS,
  type SessionLevel,
  type SessionSummary,
  STEP_IDS,
  type StepId,
} from '@mlsd/protocol';

export type Metric = 'overall' | StepId;

export interface SeriesPoint {
  at: number;
  score: number;
  sessionId: string;
}

export interface Series {
  /** Unique per case and level: scores at different levels are never joined into one line. */
  key: string;
  caseId: string;
  caseTitle: string;
  level: SessionLevel;
  points: SeriesPoint[];
}

function metricOf(session: SessionSummary, metric: Metric): number | null {
  if (metric === 'overall') return session.overall;
  return session.stepScores?.[metric] ?? null;
}

/** One line per case and level: the chosen score of each scored session, oldest first. */
export function scoreSeries(sessions: SessionSummary[], metric: Metric): Series[] {
  const byCase = new Map<string, Series>();
  const ordered = [...sessions].sort((a, b) => a.createdAt - b.createdAt);
  for (const session of ordered) {
    const score = metricOf(session, metric);
    if (score === null) continue;
    const key = `${session.caseId}:${session.level}`;
    let series = byCase.get(key);
    if (!series) {
      series = {
        key,
        caseId: session.caseId,
        caseTitle: session.caseTitle,
        level: session.level,
        points: [],
      };
      byCase.set(key, series);
    }
    series.points.push({ at: session.endedAt ?? session.createdAt, score, sessionId: session.id });
  }
  return [...byCase.values()];
}

/** Which sessions the history shows: one level, or all of them. */
export type LevelFilter = SessionLevel | 'all';

/** The levels the sessions were judged at, lowest first. */
export function levelsIn(sessions: readonly SessionSummary[]): SessionLevel[] {
  const seen = new Set(sessions.map((s) => s.level));
  return SESSION_LEVELS.filter((level) => seen.has(level));
}

export function filterByLevel(sessions: SessionSummary[], level: LevelFilter): SessionSummary[] {
  return level === 'all' ? sessions : sessions.filter((s) => s.level === level);
}

/**
 * Says when averages mix scored sessions judged at different levels (a staff score is earned
 * against more points than a senior one): "These averages mix levels: 3 senior, 1 staff. …".
 * Null when every scored session was judged at one level.
 */
export function mixedLevelsNote(sessions: readonly SessionSummary[]): string | null {
  const scored = sessions.filter((s) => s.overall !== null);
  const levels = levelsIn(scored);
  if (levels.length < 2) return null;
  const counts = levels.map((level) => `${scored.filter((s) => s.level === level).length} ${level}`);
  return `These averages mix levels: ${counts.join(', ')}. Pick a level to compare like with like.`;
}

export interface StepAverage {
  step: StepId;
  average: number;
  count: number;
}

/**
 * Mean score of each step over the sessions that reached it, in interview order. A step an
 * interview never reached is absent from its `stepScores`, so it does not pull the mean to 0.
 */
export function stepAverages(sessions: SessionSummary[]): StepAverage[] {
  const out: StepAverage[] = [];
  for (const step of STEP_IDS) {
    const scores = sessions
      .map((s) => s.stepScores?.[step])
      .filter((x): x is number => typeof x === 'number');
    if (scores.length > 0) out.push({ step, average: mean(scores), count: scores.length });
  }
  return out;
}

/** The step with the lowest average; ties go to the earlier step. */
export function weakestStep(sessions: SessionSummary[]): StepAverage | null {
  let weakest: StepAverage | null = null;
  for (const avg of stepAverages(sessions)) {
    if (!weakest || avg.average < weakest.average) weakest = avg;
  }
  return weakest;
}

export interface Suggestion {
  case: CaseSummary;
  reason: string;
}

/** A case never tried first; otherwise the case with the lowest average overall score. */
export function suggestNextCase(cases: CaseSummary[], sessions: SessionSummary[]): Suggestion | null {
  const tried = new Set(sessions.map((s) => s.caseId));
  const fresh = cases.find((c) => !tried.has(c.id));
  if (fresh) return { case: fresh, reason: 'You have not tried this case yet.' };
  let lowest: { case: CaseSummary; average: number } | null = null;
  for (const c of cases) {
    const scores = sessions
      .filter((s) => s.caseId === c.id && s.overall !== null)
      .map((s) => s.overall as number);
    if (scores.length === 0) continue;
    const average = mean(scores);
    if (!lowest || average < lowest.average) lowest = { case: c, average };
  }
  if (lowest) {
    return { case: lowest.case, reason: `Your lowest average so far: ${Math.round(lowest.average)}/100.` };
  }
  const first = cases[0];
  return first ? { case: first, reason: 'Finish an interview to get a scored suggestion.' } : null;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Steps a scored session reached: the server lists only those in `stepScores`. Null before the report. */
export function stepsReached(session: SessionSummary): number | null {
  return session.stepScores ? Object.keys(session.stepScores).length : null;
}

/**
 * Says when averages leave steps out because interviews ended early: "3 of 7 steps reached;
 * unreached steps are not averaged" for one interview, a count of them for several. Null when
 * every scored interview reached every step.
 */
export function reachNote(sessions: SessionSummary[]): string | null {
  const reached = sessions.map(stepsReached).filter((n): n is number => n !== null);
  const partial = reached.filter((n) => n < STEP_IDS.length);
  const first = partial[0];
  if (first === undefined) return null;
  const tail = 'unreached steps are not averaged.';
  if (reached.length === 1) return `${first} of ${STEP_IDS.length} steps reached; ${tail}`;
  return `${partial.length} of ${reached.length} interviews ended before the last step; ${tail}`;
}

/** Scored sessions that never reached `step`: left out of its trend line. */
export function sessionsMissing(sessions: SessionSummary[], step: StepId): number {
  return sessions.filter((s) => s.stepScores !== null && s.stepScores[step] === undefined).length;
}
