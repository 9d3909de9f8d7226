import type {
  CurveballComparison,
  PointComparison,
  RedFlagComparison,
  VerdictComparison,
} from '@mlsd/protocol';

/** Test data: the judge beside the offline matcher, shaped like the scorer's `compareVerdicts` output. */

const scale: PointComparison = {
  pointId: 'scale',
  title: 'Scale and latency',
  weight: 2,
  offline: { level: 'missed', credit: 0, evidence: null },
  judge: {
    level: 'explained',
    credit: 0.9,
    evidence: { quote: '150k QPS <b>peak</b>', turnIndex: 3 },
  },
  agreement: 'judge-only',
  creditDelta: 0.9,
};

const objective: PointComparison = {
  pointId: 'objective',
  title: 'Business objective',
  weight: 3,
  offline: { level: 'mentioned', credit: 0.5, evidence: { quote: 'revenue', turnIndex: 1 } },
  judge: { level: 'mentioned', credit: 0.5, evidence: { quote: 'revenue', turnIndex: 1 }, uncertain: true },
  agreement: 'agree',
  creditDelta: 0,
};

const labels: PointComparison = {
  pointId: 'labels',
  title: 'Label delay',
  weight: 2,
  offline: { level: 'explained', credit: 1, evidence: { quote: 'wait an hour', turnIndex: 5 } },
  judge: {
    level: 'mentioned',
    credit: 0.5,
    evidence: { quote: 'wait an hour', turnIndex: 5 },
    uncertain: true,
  },
  agreement: 'level',
  creditDelta: -0.5,
};

const accuracy: RedFlagComparison = {
  id: 'accuracy',
  title: 'Accuracy on imbalanced data',
  severity: 'major',
  deduction: 12,
  offline: { quote: 'accuracy is the metric', turnIndex: 3 },
  judge: null,
  agreement: 'offline-only',
};

/** Only one judge run found it, so neither scorer counts it. */
const leak: RedFlagComparison = {
  id: 'leak',
  title: 'Future data in features',
  severity: 'severe',
  deduction: 20,
  offline: null,
  judge: null,
  agreement: 'agree',
  uncertain: true,
};

const privacy: CurveballComparison = {
  id: 'privacy',
  text: 'Legal says 40% of users may not be profiled.',
  weight: 2,
  offline: {
    covered: ['contextual features'],
    share: 0.5,
    credit: 0.5,
    evidence: { quote: 'contextual features only', turnIndex: 7 },
  },
  judge: {
    covered: ['contextual features', 'a separate slice'],
    share: 1,
    credit: 1,
    evidence: { quote: 'a separate slice', turnIndex: 7 },
    uncertain: true,
  },
  agreement: 'differs',
  creditDelta: 0.5,
};

export const sampleComparison: VerdictComparison = {
  overall: { offline: 41.2, judge: 55.6, delta: 14.4 },
  hireSignal: { offline: 'lean-no-hire', judge: 'hire' },
  steps: [
    {
      id: 'requirements',
      title: 'Clarifying requirements',
      offlineScore: 40,
      judgeScore: 60,
      disagreements: 1,
      points: [scale, objective],
      redFlags: [accuracy],
      curveballs: [],
    },
    {
      id: 'framing',
      title: 'Framing',
      offlineScore: 30,
      judgeScore: 30,
      disagreements: 0,
      points: [],
      redFlags: [],
      curveballs: [privacy],
    },
    {
      id: 'data',
      title: 'Data preparation',
      offlineScore: 50,
      judgeScore: 45,
      disagreements: 1,
      points: [labels],
      redFlags: [leak],
      curveballs: [],
    },
    { id: 'model', title: 'Model choice', offlineScore: 20, judgeScore: 20, disagreements: 0, points: [] },
  ],
  disagreements: [
    { ...scale, step: 'requirements' },
    { ...labels, step: 'data' },
  ],
  redFlagDisagreements: [
    { ...leak, step: 'data' },
    { ...accuracy, step: 'requirements' },
  ],
  curveballDisagreements: [{ ...privacy, step: 'framing' }],
};
