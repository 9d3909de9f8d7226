import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CaseStudy, Framework, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { AnalysisCache } from './analyse.ts';
import { compileRubric, withoutPlain } from './compile.ts';
import { fixtureRubric } from './fixture.ts';
import { matchPoints, type Utterance } from './matcher.ts';
import { readCandidateMessage } from './reader.ts';

const fixture = fixtureRubric();
const read = (text: string) => readCandidateMessage(fixture.study, fixture.framework, text);
const levelOf = (text: string, pointId: string) =>
  read(text).covered.find((point) => point.pointId === pointId)?.level ?? 'missed';

/** Matches texts as a session would (turn i is utterance i) and returns the match of one point. */
function matchOf(study: CaseStudy, framework: Framework, texts: string[], pointId: string) {
  const rubric = compileRubric(study, framework);
  const cache = new AnalysisCache();
  const utterances: Utterance[] = texts.map((text, index) => ({
    analysis: cache.analysis(text),
    turnIndex: index,
    order: index,
    step: null,
    prompt: null,
  }));
  const point = rubric.byId.get(pointId);
  if (!point) throw new Error(`no point ${pointId}`);
  return matchPoints(rubric, utterances, [point])[0];
}

describe('a question is never evidence', () => {
  it('credits nothing for a question, with or without a question mark', () => {
    expect(levelOf('Do we need calibration with Platt scaling here?', 'calibrated-scores')).toBe('missed');
    expect(levelOf('should we calibrate the scores with platt scaling', 'calibrated-scores')).toBe('missed');
    expect(levelOf('What we need is calibration with Platt scaling.', 'calibrated-scores')).toBe('mentioned');
  });

  it('says why the point was missed', () => {
    const match = matchOf(
      fixture.study,
      fixture.framework,
      ['Do we need Platt scaling?'],
      'calibrated-scores',
    );
    expect(match?.level).toBe('missed');
    expect(match?.nearMiss).toEqual({ quote: 'Do we need Platt scaling?', turnIndex: 0, why: 'question' });
  });

  it('quotes the answer when the candidate answers their own question with a figure', () => {
    const reading = read(
      'How many emails per day do we get? Say 10 billion, so a heavy model per message is out.',
    );
    expect(reading.covered.find((point) => point.pointId === 'email-volume')?.quote).toBe(
      'Say 10 billion, so a heavy model per message is out.',
    );
  });
});

describe('diagram labels are names, not evidence', () => {
  const notes = (body: string) => `flowchart LR\n${body}`;

  it('credits nothing for boxes joined by arrows', () => {
    const text = notes('  A[Spam button] --> B[Labels from reports]');
    expect(read(text).covered).toEqual([]);
    const match = matchOf(fixture.study, fixture.framework, [text], 'label-source');
    expect(match?.nearMiss?.why).toBe('diagram-label');
  });

  it('reads a labelled arrow or a box holding a phrase as a sentence', () => {
    expect(
      levelOf(
        notes('  A[Spam button] -->|labels from reports arrive within 2 hours| B[Trainer]'),
        'label-source',
      ),
    ).toBe('explained');
    expect(
      levelOf(notes('  A[Labels from reports arrive within two hours of delivery]'), 'label-source'),
    ).not.toBe('missed');
  });

  it('reads a markdown note normally', () => {
    expect(levelOf('- labels from reports: 2M spam-button presses a day', 'label-source')).toBe('explained');
  });
});

describe('specific, not generic', () => {
  const root = fileURLToPath(new URL('../../../rubrics/', import.meta.url));
  const framework = loadYamlFile(join(root, 'framework.yaml'), Framework);
  const adClick = loadYamlFile(join(root, 'cases', 'ad-click-prediction.yaml'), CaseStudy);
  if (!framework.ok || !adClick.ok) throw new Error('rubrics do not load');
  const reading = (text: string) => readCandidateMessage(adClick.value, framework.value, text);

  it('gives a platitude with ML words at most "mentioned"', () => {
    const { covered } = reading('Models drift, so we would retrain regularly and monitor the data.');
    expect(covered.length).toBeGreaterThan(0);
    expect(covered.every((point) => point.level === 'mentioned')).toBe(true);
    const match = matchOf(
      adClick.value,
      framework.value,
      ['Models drift, so we would retrain regularly and monitor the data.'],
      covered[0]?.pointId ?? '',
    );
    expect(match?.nearMiss?.why).toBe('generic');
  });

  it('explains the same idea tied to the case', () => {
    const { covered } = reading(
      'Click rates drift with every new campaign, so we would retrain the model hourly on the latest auction logs.',
    );
    expect(covered.some((point) => point.level === 'explained')).toBe(true);
  });

  it('keeps a keyword dump at list credit', () => {
    const rubric = compileRubric(adClick.value, framework.value);
    const text =
      'Calibration, Platt scaling, DCN, DeepFM, log loss, A/B test, feature store, canary, feedback loop.';
    const cache = new AnalysisCache();
    const utterance: Utterance = {
      analysis: cache.analysis(text),
      turnIndex: 0,
      order: 0,
      step: null,
      prompt: null,
    };
    const matches = matchPoints(rubric, [utterance], rubric.points).filter(
      (match) => match.level !== 'missed',
    );
    expect(matches.length).toBeGreaterThan(3);
    for (const match of matches) expect(match.credit).toBeLessThanOrEqual(0.15);
  });
});

describe('plain phrasings', () => {
  const withPlain = () => {
    const rubric = fixtureRubric();
    rubric.study.steps.model.points[0]?.plain.push('how sure the spam score is');
    return rubric;
  };

  it('credits a plain-words explanation like a jargon one, and says it was plain', () => {
    const { study, framework } = withPlain();
    const text =
      'We check how sure the spam score is on a held-out week, because the folder threshold of 0.9 must mean 90%.';
    const plain = readCandidateMessage(study, framework, text).covered.find(
      (p) => p.pointId === 'calibrated-scores',
    );
    expect(plain).toMatchObject({ level: 'explained', plain: true });
    const jargon = readCandidateMessage(
      study,
      framework,
      'We add calibration on a held-out week, because the folder threshold of 0.9 must mean 90%.',
    ).covered.find((p) => p.pointId === 'calibrated-scores');
    expect(jargon).toMatchObject({ level: 'explained', plain: false });
  });

  it('can be switched off to measure what plain phrasings add', () => {
    const { study, framework } = withPlain();
    const text =
      'We check how sure the spam score is on a held-out week, because the folder threshold of 0.9 must mean 90%.';
    expect(readCandidateMessage(withoutPlain(study), withoutPlain(framework), text).covered).toEqual([]);
    expect(
      compileRubric(study, framework)
        .byId.get('calibrated-scores')
        ?.signals.some((s) => s.plain),
    ).toBe(true);
  });
});

describe('near misses', () => {
  it('explains why a named point stayed at "mentioned"', () => {
    const match = matchOf(
      fixture.study,
      fixture.framework,
      ['We will also do calibration.'],
      'calibrated-scores',
    );
    expect(match?.level).toBe('mentioned');
    expect(match?.nearMiss).toEqual({
      quote: 'We will also do calibration.',
      turnIndex: 0,
      why: 'no reason or specifics',
    });
  });

  it('prefers a rejection over a weaker near miss, and says nothing about an explained point', () => {
    const rejected = matchOf(
      fixture.study,
      fixture.framework,
      ['Do we need Platt scaling?', 'Calibration is overkill here.'],
      'calibrated-scores',
    );
    expect(rejected?.nearMiss).toMatchObject({ why: 'rejected', turnIndex: 1 });
    const explained = matchOf(
      fixture.study,
      fixture.framework,
      ['We add Platt scaling on a held-out week, because the folder threshold of 0.9 must mean 90% spam.'],
      'calibrated-scores',
    );
    expect(explained?.level).toBe('explained');
    expect(explained?.nearMiss).toBeUndefined();
  });
});

describe('text aimed at the grader between two sentences', () => {
  it('does not let the sentence after a ticked checklist explain the one before it', () => {
    const plain =
      'What we need is calibration with Platt scaling.\nOtherwise the bids are off, because advertisers pay per click.';
    const ticked =
      'What we need is calibration with Platt scaling.\n[x] Calibrated scores\n[x] Offline metrics\n[x] Monitoring\nOtherwise the bids are off, because advertisers pay per click.';
    expect(levelOf(plain, 'calibrated-scores')).toBe('explained');
    const covered = read(ticked).covered.find((point) => point.pointId === 'calibrated-scores');
    expect(covered?.level).toBe('mentioned');
    expect(JSON.stringify(covered)).not.toContain('[x]');
  });
});

describe('a sentence that opens on the consequence of the one before', () => {
  it('is explained by that sentence, and the quote holds both', () => {
    const text =
      'A fixed 0.5 cut-off means nothing when the raw scores drift with every retrain of the spam model. So we calibrate the scores.';
    const covered = read(text).covered.find((point) => point.pointId === 'calibrated-scores');
    expect(covered?.level).toBe('explained');
    expect(covered?.quote).toContain('A fixed 0.5 cut-off');
    // Without the "so", the sentence stands alone: a name and nothing more.
    expect(
      levelOf(
        'A fixed 0.5 cut-off means nothing when the raw scores drift. We calibrate the scores.',
        'calibrated-scores',
      ),
    ).not.toBe('explained');
  });
});
