import type { Evidence, Report, StepId } from '@mlsd/protocol';

/** What one scorer said about a point. */
export interface ScorerView {
  level: 'missed' | 'mentioned' | 'explained';
  credit: number;
  evidence: Evidence | null;
}

/**
 * - `agree`: same level
 * - `judge-only` / `offline-only`: one credited the point, the other found nothing
 * - `level`: both credited it, at different levels (mentioned vs explained)
 */
export type Agreement = 'agree' | 'judge-only' | 'offline-only' | 'level';

export interface PointComparison {
  pointId: string;
  title: string;
  weight: number;
  offline: ScorerView;
  judge: ScorerView;
  agreement: Agreement;
  /** Judge credit minus offline credit, as shares of the point's weight (-1..1). */
  creditDelta: number;
}

export interface StepComparison {
  id: StepId;
  title: string;
  offlineScore: number;
  judgeScore: number;
  points: PointComparison[];
  disagreements: number;
}

/** Both scorers side by side, for the report: per point, per step and overall. */
export interface VerdictComparison {
  overall: { offline: number; judge: number; delta: number };
  hireSignal: { offline: Report['hireSignal']; judge: Report['hireSignal'] };
  steps: StepComparison[];
  /** Points where the two disagree, biggest credit gap first (weighted). */
  disagreements: (PointComparison & { step: StepId })[];
}

const MISSED: ScorerView = { level: 'missed', credit: 0, evidence: null };

/** Merges the offline scorer's and the judge's reports into what the report page shows. Pure. */
export function compareVerdicts(offline: Report, judge: Report): VerdictComparison {
  const steps = offline.steps.map((offlineStep): StepComparison => {
    const judgeStep = judge.steps.find((step) => step.id === offlineStep.id);
    const views = (report: typeof offlineStep | undefined) => {
      const map = new Map<string, ScorerView & { title: string; weight: number }>();
      for (const point of report?.covered ?? []) {
        map.set(point.pointId, {
          ...point,
          level: point.level,
          credit: point.credit,
          evidence: point.evidence,
        });
      }
      for (const point of report?.missed ?? [])
        map.set(point.pointId, { ...MISSED, title: point.title, weight: point.weight });
      return map;
    };
    const fromOffline = views(offlineStep);
    const fromJudge = views(judgeStep);
    const ids = [...fromOffline.keys(), ...[...fromJudge.keys()].filter((id) => !fromOffline.has(id))];
    const points = ids.map((pointId): PointComparison => {
      const left = fromOffline.get(pointId);
      const right = fromJudge.get(pointId);
      const offlineView = left ? view(left) : MISSED;
      const judgeView = right ? view(right) : MISSED;
      return {
        pointId,
        title: left?.title ?? right?.title ?? pointId,
        weight: left?.weight ?? right?.weight ?? 0,
        offline: offlineView,
        judge: judgeView,
        agreement: agreementOf(offlineView, judgeView),
        creditDelta: Math.round((judgeView.credit - offlineView.credit) * 1000) / 1000,
      };
    });
    return {
      id: offlineStep.id,
      title: offlineStep.title,
      offlineScore: offlineStep.score,
      judgeScore: judgeStep?.score ?? 0,
      points,
      disagreements: points.filter((point) => point.agreement !== 'agree').length,
    };
  });
  const disagreements = steps
    .flatMap((step) =>
      step.points
        .filter((point) => point.agreement !== 'agree')
        .map((point) => ({ ...point, step: step.id })),
    )
    .sort((a, b) => Math.abs(b.creditDelta) * b.weight - Math.abs(a.creditDelta) * a.weight);
  return {
    overall: {
      offline: offline.overall,
      judge: judge.overall,
      delta: Math.round((judge.overall - offline.overall) * 10) / 10,
    },
    hireSignal: { offline: offline.hireSignal, judge: judge.hireSignal },
    steps,
    disagreements,
  };
}

function view(point: ScorerView): ScorerView {
  return { level: point.level, credit: point.credit, evidence: point.evidence };
}

function agreementOf(offline: ScorerView, judge: ScorerView): Agreement {
  if (offline.level === judge.level) return 'agree';
  if (offline.level === 'missed') return 'judge-only';
  if (judge.level === 'missed') return 'offline-only';
  return 'level';
}
