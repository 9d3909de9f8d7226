import type {
  Agreement,
  CurveballComparison,
  CurveballResult,
  PointComparison,
  RedFlagComparison,
  Report,
  ScorerView,
  StepComparison,
  StepId,
  StepReport,
  VerdictComparison,
} from '@mlsd/protocol';
import { RED_FLAG_DEDUCTIONS } from '../penalties.ts';
import type { StepVerdicts } from './verdicts.ts';

const MISSED: ScorerView = { level: 'missed', credit: 0, evidence: null };

/**
 * Merges the offline scorer's and the judge's reports into what the report page shows: every
 * point, red flag and curveball of both, and where they disagree. `verdicts` (the judge's own)
 * add what the report cannot carry: where its two runs split. Pure.
 */
export function compareVerdicts(
  offline: Report,
  judge: Report,
  verdicts: ReadonlyMap<StepId, StepVerdicts> = new Map(),
): VerdictComparison {
  const steps = offline.steps.map((offlineStep): StepComparison => {
    const judgeStep = judge.steps.find((step) => step.id === offlineStep.id);
    const judged = verdicts.get(offlineStep.id);
    const points = comparePoints(offlineStep, judgeStep, judged);
    return {
      id: offlineStep.id,
      title: offlineStep.title,
      offlineScore: offlineStep.score,
      judgeScore: judgeStep?.score ?? 0,
      points,
      disagreements: points.filter((point) => point.agreement !== 'agree').length,
      redFlags: compareRedFlags(offlineStep, judgeStep, judged),
      curveballs: compareCurveballs(offlineStep, judgeStep, judged),
    };
  });
  const withStep = <T>(pick: (step: StepComparison) => readonly T[], differs: (item: T) => boolean) =>
    steps.flatMap((step) =>
      pick(step)
        .filter(differs)
        .map((item) => ({ ...item, step: step.id })),
    );
  return {
    overall: {
      offline: offline.overall,
      judge: judge.overall,
      delta: Math.round((judge.overall - offline.overall) * 10) / 10,
    },
    hireSignal: { offline: offline.hireSignal, judge: judge.hireSignal },
    steps,
    disagreements: withStep(
      (step) => step.points,
      (point) => point.agreement !== 'agree',
    ).sort((a, b) => Math.abs(b.creditDelta) * b.weight - Math.abs(a.creditDelta) * a.weight),
    redFlagDisagreements: withStep(
      (step) => step.redFlags ?? [],
      (flag) => flag.agreement !== 'agree' || flag.uncertain === true,
    ).sort((a, b) => b.deduction - a.deduction),
    curveballDisagreements: withStep(
      (step) => step.curveballs ?? [],
      (ball) => ball.agreement !== 'agree',
    ).sort((a, b) => Math.abs(b.creditDelta) * b.weight - Math.abs(a.creditDelta) * a.weight),
  };
}

function comparePoints(
  offlineStep: StepReport,
  judgeStep: StepReport | undefined,
  judged: StepVerdicts | undefined,
): PointComparison[] {
  const views = (report: StepReport | undefined) => {
    const map = new Map<string, ScorerView & { title: string; weight: number }>();
    for (const point of report?.covered ?? []) {
      const { level, credit, evidence, title, weight } = point;
      map.set(point.pointId, { level, credit, evidence, title, weight });
    }
    for (const point of report?.missed ?? [])
      map.set(point.pointId, { ...MISSED, title: point.title, weight: point.weight });
    return map;
  };
  const fromOffline = views(offlineStep);
  const fromJudge = views(judgeStep);
  const ids = [...fromOffline.keys(), ...[...fromJudge.keys()].filter((id) => !fromOffline.has(id))];
  return ids.map((pointId): PointComparison => {
    const left = fromOffline.get(pointId);
    const right = fromJudge.get(pointId);
    const offlineView = left ? view(left) : MISSED;
    const uncertain = judged?.points.find((verdict) => verdict.pointId === pointId)?.uncertain;
    const judgeView = { ...(right ? view(right) : MISSED), ...(uncertain ? { uncertain } : {}) };
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
}

/** Every red flag either scorer found, and any one of the judge's runs found without the other. */
function compareRedFlags(
  offlineStep: StepReport,
  judgeStep: StepReport | undefined,
  judged: StepVerdicts | undefined,
): RedFlagComparison[] {
  const offlineFlags = offlineStep.redFlags;
  const judgeFlags = judgeStep?.redFlags ?? [];
  const split = (judged?.redFlags ?? []).filter((flag) => flag.uncertain);
  const ids = [
    ...new Set([
      ...offlineFlags.map((f) => f.id),
      ...judgeFlags.map((f) => f.id),
      ...split.map((f) => f.flagId),
    ]),
  ];
  return ids.map((id): RedFlagComparison => {
    const left = offlineFlags.find((flag) => flag.id === id);
    const right = judgeFlags.find((flag) => flag.id === id);
    const verdict = judged?.redFlags.find((flag) => flag.flagId === id);
    const severity = left?.severity ?? right?.severity ?? verdict?.severity ?? 'major';
    return {
      id,
      title: left?.title ?? right?.title ?? verdict?.title ?? id,
      severity,
      deduction: RED_FLAG_DEDUCTIONS[severity],
      offline: left?.evidence ?? null,
      judge: right?.evidence ?? null,
      agreement: left && !right ? 'offline-only' : right && !left ? 'judge-only' : 'agree',
      ...(verdict?.uncertain ? { uncertain: true } : {}),
    };
  });
}

/** Every curveball thrown in the step, as each scorer graded the reaction. */
function compareCurveballs(
  offlineStep: StepReport,
  judgeStep: StepReport | undefined,
  judged: StepVerdicts | undefined,
): CurveballComparison[] {
  return (offlineStep.curveballs ?? []).map((ball): CurveballComparison => {
    const theirs = judgeStep?.curveballs?.find((candidate) => candidate.id === ball.id);
    const uncertain = judged?.curveballs.find((verdict) => verdict.curveballId === ball.id)?.uncertain;
    const offlineView = curveballView(ball);
    const judgeView = {
      ...(theirs ? curveballView(theirs) : { covered: [], share: 0, credit: 0, evidence: null }),
      ...(uncertain ? { uncertain } : {}),
    };
    const same =
      offlineView.covered.length === judgeView.covered.length &&
      offlineView.covered.every((idea) => judgeView.covered.includes(idea));
    return {
      id: ball.id,
      text: ball.text,
      weight: ball.weight,
      offline: offlineView,
      judge: judgeView,
      agreement: same ? 'agree' : 'differs',
      creditDelta: Math.round((judgeView.credit - offlineView.credit) * 1000) / 1000,
    };
  });
}

function curveballView(ball: CurveballResult) {
  return { covered: ball.covered, share: ball.share, credit: ball.credit, evidence: ball.evidence };
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
