import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRubrics, type StepId } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { oneAnswerReport } from './one-answer.ts';

/**
 * Credits of the real cases that a score-report test (twenty-third session) found dishonest, each
 * scored end to end on a one-answer transcript, beside the same idea said the way that earns it.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const loaded = loadRubrics(join(ROOT, 'rubrics'));
if (!loaded.ok) throw new Error('the rubrics do not load');
const rubrics = loaded.value;

/** The level each point earns from a one-answer transcript of `caseId`, said in `step`. */
function levelsOf(caseId: string, step: StepId, answer: string): Record<string, string> {
  const report = oneAnswerReport(rubrics, caseId, step, answer);
  return Object.fromEntries(
    report.steps.flatMap((step) => step.covered.map((point) => [point.pointId, point.level])),
  );
}

describe('reasons given against an idea are no evidence for it', () => {
  it('a rejection followed by reasons earns the rejected point nothing', () => {
    const levels = levelsOf(
      'video-search',
      'data',
      "We won't need human relevance ratings, the click logs are enough and they're free, and human raters are slow and inconsistent anyway.",
    );
    expect(levels['human-judgments']).toBeUndefined();
  });

  it('a turn after the rejection keeps what it keeps', () => {
    const levels = levelsOf(
      'video-search',
      'data',
      'We will not need human ratings for training, but human raters are essential for the evaluation set.',
    );
    expect(levels['human-judgments']).toBe('explained');
  });
});

describe('a trade-off is specific only when it names what it weighs', () => {
  it('"there are trade-offs either way" explains no architecture', () => {
    expect(
      levelsOf(
        'event-recommendation',
        'model',
        'It depends on the data and there are trade-offs either way.',
      )['architecture-tradeoffs'],
    ).not.toBe('explained');
  });

  it('a trade-off between two named things does', () => {
    expect(
      levelsOf(
        'event-recommendation',
        'model',
        "There's a trade-off between freshness and cost, so the two-tower index rebuilds hourly.",
      )['architecture-tradeoffs'],
    ).toBe('explained');
  });
});

describe('plain phrasings a played session used for points it was then probed on', () => {
  it.each([
    [
      'fraud-detection',
      'framing',
      'The threshold should depend on the amount: a $2,000 laptop at 20% risk deserves more caution than a $5 coffee at 20%.',
      'expected-cost-decision',
    ],
    [
      'similar-listings',
      'evaluation',
      'Before going live, hide the last place each person booked and see whether our list would have had it near the top.',
      'booked-listing-rank',
    ],
  ] as const)('%s: "%s" covers %s', (caseId, step, answer, point) => {
    expect(levelsOf(caseId, step, answer)[point]).toBeDefined();
  });
});

describe('a negation answered by "without" states a requirement', () => {
  it.each([
    'Nothing can be published without the blur step having run.',
    'No panorama is published without its blur record.',
  ])('"%s" covers the publishing gate', (answer) => {
    expect(levelsOf('street-view-blurring', 'serving', answer)['fail-closed-publishing']).toBeDefined();
  });

  it('a plain negation still rejects it', () => {
    expect(
      levelsOf('street-view-blurring', 'serving', "We don't gate publishing on the blur step.")[
        'fail-closed-publishing'
      ],
    ).toBeUndefined();
  });
});

describe('an idea waved off as premature or as no real risk earns nothing', () => {
  it.each([
    ['llm-content-moderation', 'model', 'Distillation would be premature optimisation.', 'distillation'],
    ['llm-content-moderation', 'model', "Prompt injection isn't a real risk here.", 'injection-defences'],
  ] as const)('%s: "%s" does not cover %s', (caseId, step, answer, point) => {
    expect(levelsOf(caseId, step, answer)[point]).toBeUndefined();
  });

  it('a risk named and handled still counts', () => {
    expect(
      levelsOf(
        'llm-content-moderation',
        'model',
        'Prompt injection is a real risk, so item text is fenced off as data in the prompt.',
      )['injection-defences'],
    ).toBeDefined();
  });
});

describe('words that look like a point and are not', () => {
  it.each([
    [
      'rag-assistant',
      'requirements',
      "It's an internal tool behind SSO, so everyone who can log in is an employee.",
      'data-sources',
    ],
    ['street-view-blurring', 'framing', 'Anchors tuned for 8 to 24 pixel faces.', 'irreversible-blur'],
  ] as const)('%s: "%s" does not cover %s', (caseId, step, answer, point) => {
    expect(levelsOf(caseId, step, answer)[point]).toBeUndefined();
  });

  it('the logs a design keeps are still a data source', () => {
    expect(
      levelsOf('rag-assistant', 'data', 'We read the search logs and the helpdesk tickets in the warehouse.')[
        'data-sources'
      ],
    ).toBeDefined();
  });
});

describe('clipped words of a terse senior', () => {
  it.each([
    ['code-completion-ranking', 'serving', 'spec decoding w/ 1.3B draft.', 'faster-decoding'],
    [
      'code-completion-ranking',
      'model',
      'baseline = mean logprob per cand, free. rank by it + thr = v0.',
      'logprob-baseline-ranker',
    ],
  ] as const)('%s: "%s" covers %s', (caseId, step, answer, point) => {
    expect(levelsOf(caseId, step, answer)[point]).toBeDefined();
  });
});

describe("position bias in a junior's words", () => {
  it('is mentioned when the top results are said to get clicks for being on top', () => {
    expect(
      levelsOf(
        'search-ranking',
        'data',
        "oh wait, things at the top get clicked more just because they're at the top, right?",
      )['position-bias-click-models'],
    ).toBeDefined();
  });
});

describe('a rambler of the thirtieth session: buzzwords and an idea left behind', () => {
  it('gives a sentence of buzzwords no more than a mention, whatever case word it holds', () => {
    const levels = levelsOf(
      'ad-click-prediction',
      'requirements',
      'So, at a high level, what we really want is a robust, scalable, end-to-end ML platform that leverages state-of-the-art deep learning to deliver personalized ad experiences at scale, following MLOps best practices.',
    );
    for (const level of Object.values(levels)) expect(level).not.toBe('explained');
    const dressed = levelsOf(
      'ad-click-prediction',
      'model',
      'We leverage a robust, scalable, state-of-the-art calibration layer with MLOps best practices so the auction gets accurate bids.',
    );
    expect(dressed['calibrated-output']).toBe('mentioned');
  });

  it('credits nothing of an idea the sentence says the field has moved beyond', () => {
    const levels = levelsOf(
      'ad-click-prediction',
      'model',
      "For the model I'd use a deep network with attention over the user's history; the industry has moved well beyond simple models like logistic regression.",
    );
    expect(levels['baseline-model']).toBeUndefined();
  });

  it('lends a figure said after a question only to what the question asks about first', () => {
    const levels = levelsOf(
      'news-feed-ranking',
      'framing',
      "And what's the latency budget for the ranking call? I'm assuming something like 200 ms but tell me if I'm off.",
    );
    expect(levels['ml-task-type']).toBeUndefined();
    expect(levels['scale-latency']).toBeDefined();
  });

  it('credits nothing of what a stated preference turns down ("X is better than Y"), but a bar to clear is no preference', () => {
    expect(
      levelsOf('news-feed-ranking', 'framing', 'A single label is better than multi-task.')[
        'multi-task-action-prediction'
      ],
    ).toBeUndefined();
    expect(
      levelsOf(
        'news-feed-ranking',
        'framing',
        'Multi-task is better than a single label, since likes alone reward clickbait.',
      )['multi-task-action-prediction'],
    ).toBeDefined();
  });
});

describe('a dismissing verb before another choice (thirty-fourth session)', () => {
  it('"skip hubs ... or sample their neighbours" credits the hub point', () => {
    const levels = levelsOf(
      'people-you-may-know',
      'serving',
      'I skip hub as middle node or sample its neighbors, downweight mutual through hub like Adamic-Adar, and cap how many time one person is suggested.',
    );
    expect(levels['hub-handling']).toBeDefined();
  });

  it('"skip calibration and fine-tuning" still skips both', () => {
    expect(
      levelsOf('ad-click-prediction', 'model', 'We will calibrate the scores and fine-tune.'),
    ).toHaveProperty('calibrated-output');
    const levels = levelsOf(
      'ad-click-prediction',
      'model',
      'We can skip calibration and fine-tuning for now.',
    );
    expect(levels['calibrated-output']).toBeUndefined();
  });
});

describe('a quote carries the point it backs (thirty-fifth session)', () => {
  it('a sentence nearest in meaning to the point it names backs no neighbour of that step', () => {
    const levels = levelsOf(
      'event-recommendation',
      'requirements',
      "For the Lyon user: only events that haven't started yet, that still have capacity, within a travel radius of where they are, GPS if shared, otherwise the home city.",
    );
    expect(levels['eligibility-space-time']).toBe('explained');
    expect(levels['location-privacy']).toBeUndefined();
    const model = levelsOf(
      'event-recommendation',
      'model',
      "For candidate generation I'd use a two-tower model, with the event tower built purely on content and organizer features so it works the moment an event is published.",
    );
    expect(model['two-tower-retrieval']).toBe('explained');
    expect(model['graph-model']).toBeUndefined();
  });

  it("one word of another step's point is said in passing, a mention", () => {
    const report = oneAnswerReport(
      rubrics,
      'event-recommendation',
      'evaluation',
      'For the duration: power analysis — baseline rate, per-user variance, the 5% lift, alpha and power give the sample size, traffic split gives weeks.',
    );
    const covered = new Map(
      report.steps.flatMap((step) => step.covered.map((point) => [point.pointId, point])),
    );
    expect(covered.get('experiment-duration')?.level).toBe('explained');
    expect(covered.get('simple-baseline')?.level).toBe('mentioned');
    expect(covered.get('simple-baseline')?.nearMiss?.why).toBe('in passing');
  });

  it('the same word explains the point in its own step', () => {
    expect(
      levelsOf(
        'event-recommendation',
        'model',
        "The baseline is what's live today, most registered in the city, so a small model must beat it by a clear margin.",
      )['simple-baseline'],
    ).toBe('explained');
  });
});
