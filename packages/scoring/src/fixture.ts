import { CaseStudy, Framework, STEP_IDS, type StepId, type TalkingPoint } from '@mlsd/rubric';

/**
 * A small, stable rubric for tests (an e-mail spam filter), so scorer tests do not move when the
 * real case files under rubrics/ are edited. A few points per step are meaningful; the rest are
 * fillers with nonsense signals that nothing in a test ever says.
 */
const MEANINGFUL: Record<StepId, TalkingPoint[]> = {
  requirements: [
    point(
      'email-volume',
      3,
      ['emails per day', 'message volume'],
      'How much mail arrives, and how quickly must each be handled?',
    ),
    point(
      'false-positive-cost',
      3,
      ['false positives', 'legitimate mail in spam'],
      'Which mistake hurts the user more?',
    ),
  ],
  framing: [
    point(
      'binary-classifier',
      3,
      ['binary classification', 'probability of spam'],
      'What does one prediction look like?',
    ),
  ],
  data: [
    point(
      'label-source',
      3,
      ['user reports', 'spam button', 'labels from reports'],
      'Where do the answers for training come from?',
    ),
    point(
      'class-imbalance',
      2,
      ['class imbalance', 'rare positives'],
      'How common is each outcome in the data?',
    ),
  ],
  model: [
    point(
      'calibrated-scores',
      3,
      ['calibration', 'calibrated probabilities', 'platt scaling'],
      'Downstream code trusts these numbers; how much do you trust the raw outputs?',
    ),
    point(
      'baseline-first',
      2,
      ['logistic regression', 'simple baseline'],
      'What would you build in the first week?',
    ),
  ],
  evaluation: [
    point('precision-recall', 3, ['precision', 'recall'], 'Which numbers tell you the filter works?'),
  ],
  serving: [
    point(
      'latency-budget',
      2,
      ['latency budget', 'milliseconds per message'],
      'How long may the check take?',
    ),
  ],
  monitoring: [
    point(
      'spammer-adaptation',
      3,
      ['adversarial drift', 'spammers adapt'],
      'What will senders do after launch?',
    ),
  ],
};

const MINUTES: Record<StepId, number> = {
  requirements: 5,
  framing: 4,
  data: 8,
  model: 9,
  evaluation: 7,
  serving: 7,
  monitoring: 5,
};
const NONSENSE = ['zorblat', 'quixel', 'vantrop', 'blenquist', 'fravnik', 'toskelb'];

function point(id: string, weight: number, signals: string[], probe: string): TalkingPoint {
  const title = id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const strong = `A strong candidate covers ${title.toLowerCase()} with a reason, a number and a trade-off.`;
  return { id, title, weight, signals, plain: [], probe, followUps: [], strong };
}

function fillers(prefix: string, count: number): TalkingPoint[] {
  return Array.from({ length: count }, (_, i) =>
    point(
      `${prefix}-extra-${i + 1}`,
      1,
      [`${NONSENSE[i]} ${prefix}`, `${NONSENSE[i]}ish ${prefix}`],
      `Filler question number ${i + 1}?`,
    ),
  );
}

function buildCase(): CaseStudy {
  const steps = Object.fromEntries(
    STEP_IDS.map((id) => {
      const points = [...MEANINGFUL[id], ...fillers(id, 6 - MEANINGFUL[id].length)];
      const redFlags =
        id === 'evaluation'
          ? [
              {
                id: 'accuracy-metric',
                title: 'Accuracy as the metric',
                signals: ['measure accuracy', 'high accuracy'],
                why: 'With rare spam, accuracy hides every miss.',
              },
            ]
          : [];
      return [id, { opening: `Let us talk about the ${id} of the spam filter now.`, points, redFlags }];
    }),
  );
  return CaseStudy.parse({
    id: 'spam-filter',
    title: 'E-mail spam filter',
    summary: 'Classify incoming e-mail as spam or not.',
    levels: ['mid'],
    tags: ['classification'],
    prompt:
      'Design the system that decides whether an incoming e-mail is spam, from requirements to monitoring.',
    facts: Array.from({ length: 8 }, (_, i) => ({
      id: `fact-${i + 1}`,
      cues: [`cue ${i + 1}`, `hint ${i + 1}`],
      answer: `The answer to question ${i + 1} is forty-two.`,
    })),
    steps,
    curveballs: [
      {
        id: 'ball-one',
        step: 'model',
        text: 'Spammers now send images only.',
        expects: 'Add an image model or OCR.',
      },
      {
        id: 'ball-two',
        step: 'serving',
        text: 'Traffic doubles tomorrow morning.',
        expects: 'Scale out and cache results.',
      },
    ],
  });
}

function buildFramework(): Framework {
  return Framework.parse({
    steps: STEP_IDS.map((id) => ({
      id,
      title: `${id[0]?.toUpperCase()}${id.slice(1)} step`,
      purpose: `The purpose of the ${id} step, in one sentence.`,
      minutes: MINUTES[id],
      opening: `Generic opening question for the ${id} step?`,
      points:
        id === 'requirements'
          ? [
              point('business-goal', 3, ['business goal', 'revenue'], 'Which company number should move?'),
              ...fillers('generic-requirements', 2),
            ]
          : fillers(`generic-${id}`, 3),
    })),
  });
}

/** The fixture case and framework; fresh objects on every call. */
export function fixtureRubric(): { study: CaseStudy; framework: Framework } {
  return { study: buildCase(), framework: buildFramework() };
}
