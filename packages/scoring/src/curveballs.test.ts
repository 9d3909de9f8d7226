import { Report, type TranscriptTurn, type Turn } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { AnalysisCache } from './analyse.ts';
import { covers, curveballIdeas, saidWords } from './curveball-ideas.ts';
import { CURVEBALL_WEIGHT } from './curveballs.ts';
import { fixtureRubric } from './fixture.ts';
import { buildReport } from './report.ts';
import { scoreTranscript } from './transcript-file.ts';

function score(turns: TranscriptTurn[]): Report {
  const { study, framework } = fixtureRubric();
  const result = scoreTranscript(
    { caseId: study.id, turns },
    { framework, cases: new Map([[study.id, study]]) },
    { now: 0 },
  );
  if (!result.ok) throw new Error(result.error.message);
  return Report.parse(result.value);
}

const model = (report: Report) => report.steps.find((step) => step.id === 'model');
const OPEN: TranscriptTurn = { role: 'interviewer', step: 'model', text: 'Let us talk about the model.' };
const BASELINE: TranscriptTurn = {
  role: 'candidate',
  step: 'model',
  text: 'Start with logistic regression as a simple baseline, since it trains in minutes.',
};
const THROW: TranscriptTurn = { role: 'interviewer', step: 'model', text: 'Spammers now send images only.' };
const say = (text: string, extra: Partial<TranscriptTurn> = {}): TranscriptTurn => ({
  role: 'candidate',
  step: 'model',
  text,
  ...extra,
});

describe('curveballIdeas', () => {
  it('splits what a good reaction covers at commas and "and", keeping brackets with their clause', () => {
    const ideas = curveballIdeas(
      'The candidate adapts rather than restarts: contextual features (city, device) for those users, separate calibration and an estimate of the revenue impact.',
    );
    expect(ideas.map((idea) => idea.label)).toEqual([
      'The candidate adapts rather than restarts',
      'contextual features (city, device) for those users',
      'separate calibration',
      'an estimate of the revenue impact',
    ]);
    expect(ideas[0]?.negated).toBe(true);
    expect(ideas[1]).toMatchObject({ main: ['contextual', 'feature'], extra: ['city', 'device'] });
  });
});

describe('curveballs in a transcript file', () => {
  it('finds one by its text, grades the next answers and quotes the best sentence', () => {
    const answer =
      'Good point. Then we run OCR on each attachment and feed the extracted text to the same model.';
    const report = score([
      OPEN,
      BASELINE,
      THROW,
      say('What share of mail is images?', { intent: 'facts' }),
      say(answer),
    ]);
    expect(model(report)?.curveballs).toEqual([
      {
        id: 'ball-one',
        text: 'Spammers now send images only.',
        expects: 'Add an image model or OCR.',
        turnIndex: 2,
        covered: ['Add an image model or OCR'],
        missing: [],
        share: 1,
        weight: CURVEBALL_WEIGHT,
        credit: 1,
        evidence: {
          quote: 'Then we run OCR on each attachment and feed the extracted text to the same model.',
          turnIndex: 4,
        },
      },
    ]);
  });

  it('enters the step score as one more weight-2 point', () => {
    const without = model(score([OPEN, BASELINE]));
    const good = model(
      score([OPEN, BASELINE, THROW, say('We run OCR and feed the text to the same model.')]),
    );
    const silent = model(score([OPEN, BASELINE, THROW, say('Okay, sure.')]));
    // Baseline (2) of 10.5 weight (the framework's weight-3 point counts half); with the curveball
    // 4 of 12.5 when answered well, 2 of 12.5 when not.
    expect(without?.contentScore).toBeCloseTo((2 / 10.5) * 100, 0);
    expect(good?.contentScore).toBeCloseTo((4 / 12.5) * 100, 0);
    expect(silent?.contentScore).toBeCloseTo((2 / 12.5) * 100, 0);
    expect(silent?.curveballs?.[0]).toMatchObject({ share: 0, credit: 0, evidence: null });
  });

  it('does not count echoing the curveball or turning the idea down', () => {
    const echo = model(score([OPEN, THROW, say('So spammers send images only now, interesting.')]));
    expect(echo?.curveballs?.[0]?.share).toBe(0);
    const rejecting = model(score([OPEN, THROW, say('We should not add OCR or an image model for this.')]));
    expect(rejecting?.curveballs?.[0]?.share).toBe(0);
  });

  it('reads only answers in the same step, and weighs nothing when none came', () => {
    const moved = score([
      OPEN,
      BASELINE,
      THROW,
      { role: 'interviewer', step: 'evaluation', text: 'Let us talk about evaluation.' },
      { role: 'candidate', step: 'evaluation', text: 'We run OCR and feed the text to the same model.' },
    ]);
    expect(model(moved)?.curveballs?.[0]).toMatchObject({ weight: 0, share: 0 });
    expect(model(moved)?.contentScore).toBe(model(score([OPEN, BASELINE]))?.contentScore);
  });
});

describe('the reaction to a curveball', () => {
  const THROWN: TranscriptTurn = { ...THROW, kind: 'curveball', curveballId: 'ball-one' };
  const probe: TranscriptTurn = {
    role: 'interviewer',
    step: 'model',
    kind: 'probe',
    text: 'How would you train it each week?',
  };

  it('ends at a new question once the candidate has answered something else', () => {
    const passed = model(
      score([
        OPEN,
        THROWN,
        say('The weekly job retrains on the last month.'),
        probe,
        say('We run OCR and feed the text to the same model.'),
      ]),
    );
    expect(passed?.curveballs?.[0]).toMatchObject({ share: 0, evidence: null, weight: CURVEBALL_WEIGHT });
  });

  it('goes on when the interviewer puts the same curveball again', () => {
    const again: TranscriptTurn = {
      ...THROWN,
      text: 'Before we move on, back to the change I mentioned: spammers now send images only.',
    };
    const answered = model(
      score([
        OPEN,
        THROWN,
        say('The weekly job retrains on the last month.'),
        again,
        say('We run OCR and feed the text to the same model.'),
      ]),
    );
    expect(answered?.curveballs?.[0]).toMatchObject({ share: 1, evidence: { turnIndex: 4 } });
  });
});

describe('curveballs in a live session', () => {
  it('are found by id and credited in proportion to the ideas covered', () => {
    const { study, framework } = fixtureRubric();
    const turns: Turn[] = [
      { id: 'a', role: 'interviewer', step: 'serving', kind: 'opening', text: 'Serving now.', at: 0 },
      {
        id: 'b',
        role: 'interviewer',
        step: 'serving',
        kind: 'curveball',
        curveballId: 'ball-two',
        text: 'Heads up: the load is about to double overnight.',
        at: 1,
      },
      {
        id: 'c',
        role: 'candidate',
        step: 'serving',
        kind: 'answer',
        text: 'We would cache the results for repeated senders.',
        at: 2,
      },
    ];
    const serving = buildReport({ study, framework, turns, now: 0 }).steps.find((s) => s.id === 'serving');
    expect(serving?.curveballs?.[0]).toMatchObject({
      id: 'ball-two',
      turnIndex: 1,
      covered: ['cache results'],
      missing: ['Scale out'],
      share: 0.5,
      credit: 1,
    });
  });
});

describe('plain phrasings of a curveball idea', () => {
  const expects =
    'Freezes multipliers at 1.0 through the rule layer, and flags emergency periods in training data.';
  const plain = [
    ['lock prices at normal levels', 'turn off surge in that city'],
    ['keep storm days out of training', 'tag these unusual periods'],
  ];
  const analyse = (text: string) => new AnalysisCache().analysis(text).segments[0]!;

  it('pairs each list with the idea of the same place, and is said with all its words or all but one', () => {
    const ideas = curveballIdeas(expects, plain);
    expect(ideas).toHaveLength(2);
    const said = saidWords(analyse("I'd lock fares at their normal levels right away."));
    expect(covers(said, ideas[0]!, new Set())).toBe(true);
    expect(covers(said, ideas[1]!, new Set())).toBe(false);
    // One shared word is chance.
    expect(covers(saidWords(analyse('Prices matter a lot here.')), ideas[0]!, new Set())).toBe(false);
  });

  it('is left out when the lists do not match the ideas one for one', () => {
    const ideas = curveballIdeas(expects, [plain[0]!]);
    expect(ideas.every((idea) => idea.phrases.length === 0)).toBe(true);
  });
});

describe("an idea turned down, and the curveball's own words", () => {
  const expects = 'Describes new videos by their content, and adds a dedicated source of fresh uploads.';
  const plain = [['describe video content'], ['video drop out', 'separate feeder recent upload']];
  const ideas = curveballIdeas(expects, plain);
  const analyse = (text: string) => new AnalysisCache().analysis(text).segments[0]!;
  const echo = new AnalysisCache().lemmaSet('New videos get almost no impressions since last week.');

  it('is not covered when the sentence rejects it, but a "no" elsewhere does not reach it', () => {
    const rejected = saidWords(analyse("We don't need a dedicated source for fresh uploads."));
    expect(covers(rejected, ideas[1]!, echo)).toBe(false);
    const elsewhere = saidWords(
      analyse("They have no viewing record, so I'd add a dedicated source of fresh uploads."),
    );
    expect(covers(elsewhere, ideas[1]!, echo)).toBe(true);
  });

  it("counts the curveball's words in a plain phrasing only beside the candidate's own", () => {
    // "video" comes from the curveball: "videos drop out" still says the phrasing "video drop out".
    expect(covers(saidWords(analyse('First find where the videos drop out.')), ideas[1]!, echo)).toBe(true);
    // The curveball's words alone, with one word of the phrasing, are not the idea.
    expect(covers(saidWords(analyse('New videos are recent.')), ideas[1]!, echo)).toBe(false);
  });
});
