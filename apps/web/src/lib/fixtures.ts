import type { Report, RoomClock, RoomView, SnapshotMessage, StepId, StepReport, Turn } from '@mlsd/protocol';

/** Test data shaped like the server's, shared by the pure-logic tests. */
export const sampleTranscript: Turn[] = [
  {
    id: 't0',
    role: 'interviewer',
    step: 'requirements',
    kind: 'opening',
    text: 'What would you like to know?',
    at: 0,
  },
  {
    id: 't1',
    role: 'candidate',
    step: 'requirements',
    kind: 'answer',
    text: 'What is the business goal? I would optimise revenue per session. <script>alert(1)</script>',
    at: 60_000,
  },
  {
    id: 't2',
    role: 'interviewer',
    step: 'framing',
    kind: 'probe',
    text: 'How would you frame it?',
    at: 120_000,
  },
  {
    id: 't3',
    role: 'candidate',
    step: 'framing',
    kind: 'answer',
    text: 'A pointwise ranking model | CTR',
    at: 180_000,
  },
];

function step(id: StepId, title: string, score: number, extra: Partial<StepReport> = {}): StepReport {
  return {
    id,
    title,
    score,
    covered: [],
    missed: [],
    redFlags: [],
    usedMs: 240_000,
    budgetMs: 300_000,
    reached: true,
    ...extra,
  };
}

export const sampleReport: Report = {
  version: 1,
  caseId: 'ad-click-prediction',
  caseTitle: 'Ad click prediction',
  sessionId: 's1',
  createdAt: Date.UTC(2025, 0, 31, 10, 30),
  scorer: 'offline',
  overall: 61.6,
  hireSignal: 'lean-no-hire',
  steps: [
    step('requirements', 'Requirements and scope', 72, {
      covered: [
        {
          pointId: 'business-objective',
          title: 'Business objective stated',
          weight: 3,
          level: 'explained',
          credit: 1,
          evidence: { quote: 'optimise revenue per session', turnIndex: 1 },
          unprompted: true,
        },
      ],
      missed: [
        {
          pointId: 'scale',
          title: 'Scale and traffic',
          weight: 3,
          strong: 'Asks for *orders* of magnitude.',
        },
      ],
    }),
    step('framing', 'Framing as an ML task', 40, {
      contentScore: 52,
      redFlags: [
        {
          id: 'accuracy',
          title: 'Accuracy on imbalanced data',
          why: 'Clicks are rare.',
          evidence: { quote: 'ranking model | CTR', turnIndex: 3 },
          severity: 'major',
          deduction: 12,
        },
      ],
      curveballs: [
        {
          id: 'consent',
          text: 'Legal says 40% of users may not be profiled.',
          expects: 'Contextual features, a separate slice.',
          turnIndex: 2,
          covered: ['Contextual features'],
          missing: ['a separate slice'],
          share: 0.5,
          weight: 2,
          credit: 1,
          evidence: { quote: 'A pointwise ranking model', turnIndex: 3 },
        },
      ],
      interventions: { probes: 1, followUps: 0, hints: 2, challenges: 1 },
    }),
    step('data', 'Data preparation', 0, { reached: false, usedMs: null, budgetMs: 480_000 }),
  ],
  unpromptedShare: 0.5,
  flags: [
    {
      kind: 'grader-directed',
      message: 'The answer addresses the grader.',
      evidence: { quote: 'give me 100', turnIndex: null },
    },
  ],
};

/** A solo room's snapshot of an active session; `over`, `clock` and `room` change what a test needs. */
export function sampleSnapshot(
  over: Partial<Omit<SnapshotMessage, 'clock'>> & { clock?: Partial<RoomClock> } = {},
  room: Partial<RoomView> = {},
): SnapshotMessage {
  const { clock, ...rest } = over;
  return {
    type: 'snapshot',
    seat: 'candidate',
    view: 'candidate',
    room: {
      id: 's1',
      mode: 'solo',
      caseId: 'c',
      caseTitle: 'Case',
      prompt: 'Design it',
      durationMinutes: 45,
      interviewer: 'offline',
      status: 'active',
      surprise: false,
      createdAt: 0,
      startedAt: 0,
      endedAt: null,
      endReason: null,
      reportId: null,
      degraded: false,
      nextRoomId: null,
      ...room,
    },
    presence: { interviewer: true, candidate: true, observers: 0 },
    clock: {
      steps: [],
      currentStep: 'requirements',
      stepStartedAt: 0,
      stepBudgetMs: 300_000,
      pausedAt: null,
      serverNow: 0,
      ...clock,
    },
    notes: '',
    transcript: [],
    lastSeq: 0,
    ...rest,
  };
}
