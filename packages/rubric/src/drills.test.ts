import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRILL_LIMITS, DrillCard, loadDrills, questionLeaks } from './drills.ts';
import { formatIssue } from './locate.ts';

const RUBRICS_DIR = fileURLToPath(new URL('../../../rubrics', import.meta.url));
const CASE_IDS = new Set(
  readdirSync(join(RUBRICS_DIR, 'cases'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.replace(/\.yaml$/, '')),
);

/** The cases that each get one case-specific card. */
const CARD_CASES = [
  'ad-click-prediction',
  'eta-prediction',
  'event-recommendation',
  'fraud-detection',
  'harmful-content-detection',
  'news-feed-ranking',
  'people-you-may-know',
  'rag-assistant',
  'ride-pricing',
  'search-ranking',
  'similar-listings',
  'street-view-blurring',
  'video-recommendation',
  'video-search',
  'visual-search',
];

describe('the shipped drill cards', () => {
  const loaded = loadDrills(RUBRICS_DIR, CASE_IDS);
  const cards = loaded.ok ? loaded.value : [];

  it('load without a single problem', () => {
    expect(loaded.ok ? [] : loaded.issues.map(formatIssue)).toEqual([]);
  });

  it('hold at least 30 general cards', () => {
    expect(cards.filter((card) => card.case === undefined).length).toBeGreaterThanOrEqual(30);
  });

  it('hold one card for each listed case, naming only real cases', () => {
    for (const caseId of CARD_CASES) {
      expect(CASE_IDS.has(caseId), `${caseId} is a case`).toBe(true);
      expect(cards.filter((card) => card.case === caseId).length, caseId).toBeGreaterThanOrEqual(1);
    }
  });

  it('keep every card within the point bounds and every point within the signal bounds', () => {
    for (const card of cards) {
      expect(card.points.length, card.id).toBeGreaterThanOrEqual(DRILL_LIMITS.minPoints);
      expect(card.points.length, card.id).toBeLessThanOrEqual(DRILL_LIMITS.maxPoints);
      expect(card.redFlags.length, card.id).toBeLessThanOrEqual(2);
      for (const point of card.points) {
        expect(point.signals.length, `${card.id}.${point.id}`).toBeGreaterThanOrEqual(4);
        expect(point.signals.length, `${card.id}.${point.id}`).toBeLessThanOrEqual(8);
      }
    }
  });
});

const POINT = (id: string, signal: string, probe = 'What would you need to know before deciding?') => `
      - id: ${id}
        title: Point ${id}
        weight: 2
        signals: ["${signal}", "${id} choice"]
        probe: ${probe}
        strong: >-
          A strong answer explains the trade-off with a concrete number and names the usual mistake.`;

const CARD = (id: string, options: { question?: string; case?: string; points?: string } = {}) => `
  - id: ${id}
    title: Card ${id}
    step: data
${options.case ? `    case: ${options.case}\n` : ''}    question: ${options.question ?? 'When would you pick the first option over the second, and why?'}
    points:${options.points ?? `${POINT('alpha', 'nightly job')}${POINT('beta', 'kafka stream')}${POINT('gamma', 'feature store')}`}
`;

describe('loadDrills on small decks', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mlsd-drills-'));
    mkdirSync(join(dir, 'drills'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, cards: string) => writeFileSync(join(dir, 'drills', name), `cards:${cards}`);
  const problems = () => {
    const result = loadDrills(dir, new Set(['fraud-detection']));
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.issues;
  };

  it('loads a valid deck, filling defaults', () => {
    write('a.yaml', CARD('first-card', { case: 'fraud-detection' }));
    const result = loadDrills(dir, new Set(['fraud-detection']));
    expect(
      result.ok ? result.value.map((card) => [card.id, card.minutes, card.redFlags]) : result.issues,
    ).toEqual([['first-card', DRILL_LIMITS.defaultMinutes, []]]);
  });

  it('reports a missing or empty drills folder', () => {
    const result = loadDrills(dir);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual(['no drill files found']);
    const missing = loadDrills(join(dir, 'nowhere'));
    expect(missing.ok ? '' : missing.issues[0]?.message).toMatch(/cannot list drill files/);
  });

  it('reports a card id used in two files, at the second one', () => {
    write('a.yaml', CARD('same-card'));
    write('b.yaml', CARD('other-card') + CARD('same-card'));
    const [issue, ...rest] = problems();
    expect(rest).toEqual([]);
    expect(issue?.file).toMatch(/b\.yaml$/);
    expect(issue?.field).toBe('cards.1.id');
    expect(issue?.message).toMatch(/duplicate drill card id "same-card" \(also in .*a\.yaml\)/);
    expect(issue?.line).toBeGreaterThan(20);
  });

  it('reports a point id repeated within a card', () => {
    write(
      'a.yaml',
      CARD('card', {
        points: `${POINT('alpha', 'nightly job')}${POINT('alpha', 'kafka stream')}${POINT('gamma', 'feature store')}`,
      }),
    );
    const [issue] = problems();
    expect(issue?.field).toBe('cards.0.points.1.id');
    expect(issue?.message).toMatch(/duplicate talking point id "alpha" in card "card"/);
    expect(issue?.line).toBe(14); // "cards:" is line 1; each fixture point takes seven lines from line 7
  });

  it('reports a probe that contains its own signal', () => {
    write(
      'a.yaml',
      CARD('card', {
        points: `${POINT('alpha', 'nightly job', 'Would a nightly job be enough here?')}${POINT('beta', 'kafka stream')}${POINT('gamma', 'feature store')}`,
      }),
    );
    const [issue] = problems();
    expect(issue?.field).toBe('cards.0.points.0.probe');
    expect(issue?.message).toMatch(/probe gives the answer away: it contains the signal "nightly job"/);
    expect(issue?.line).toBe(11);
  });

  it('reports a question that contains a signal of one of its points', () => {
    write('a.yaml', CARD('card', { question: 'Would you use a kafka stream for these counters, or not?' }));
    const [issue] = problems();
    expect(issue?.field).toBe('cards.0.question');
    expect(issue?.message).toMatch(
      /question gives the answer away: .*"kafka stream", a signal of point "beta"/,
    );
    expect(issue?.line).toBe(5);
  });

  it('reports a case that does not exist, and accepts any case when no ids are given', () => {
    write('a.yaml', CARD('card', { case: 'no-such-case' }));
    const [issue] = problems();
    expect(issue?.field).toBe('cards.0.case');
    expect(issue?.message).toMatch(/names the case "no-such-case", which is no case/);
    expect(issue?.line).toBe(5);
    expect(loadDrills(dir).ok).toBe(true);
  });

  it('reports signals and plain phrasings that can never match', () => {
    write(
      'a.yaml',
      CARD('card').replace(
        'signals: ["nightly job", "alpha choice"]',
        'signals: ["nightly job", "the other"]\n        plain: ["do both"]',
      ),
    );
    const issues = problems();
    expect(issues.map((issue) => [issue.field, issue.line])).toEqual([
      ['cards.0.points.0.signals.1', 10],
      ['cards.0.points.0.plain.0', 11],
    ]);
    expect(issues[0]?.message).toMatch(/only stop words; it can never match/);
  });

  it('points a schema error at its line', () => {
    write('a.yaml', CARD('card').replace('step: data', 'step: modelling'));
    const [issue] = problems();
    expect(issue?.field).toBe('cards.0.step');
    expect(issue?.line).toBe(4);
    expect(formatIssue(issue!)).toMatch(/a\.yaml:4:\d+ cards\.0\.step:/);
  });

  it('rejects too few points', () => {
    write(
      'a.yaml',
      CARD('card', { points: `${POINT('alpha', 'nightly job')}${POINT('beta', 'kafka stream')}` }),
    );
    const [issue] = problems();
    expect(issue?.field).toBe('cards.0.points');
    expect(issue?.message).toMatch(/at least 3 talking points/);
  });

  it('reports YAML syntax errors with a line', () => {
    write('a.yaml', `${CARD('card')}  broken: [unclosed\n`);
    const [issue] = problems();
    expect(issue?.message).toMatch(/YAML syntax/);
    expect(issue?.line).toBeGreaterThan(1);
  });

  it('loads nothing when one file of several is bad', () => {
    write('a.yaml', CARD('good-card'));
    write('b.yaml', CARD('bad-card').replace('weight: 2', 'weight: 9'));
    const result = loadDrills(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.file).every((file) => file.endsWith('b.yaml'))).toBe(true);
    expect(result.issues[0]?.field).toBe('cards.0.points.0.weight');
  });
});

describe('questionLeaks', () => {
  const card = DrillCard.parse({
    id: 'c',
    title: 'Batch vs streaming features',
    step: 'data',
    question: 'How do you decide which features to compute on a schedule and which continuously?',
    points: ['a', 'b', 'c'].map((id) => ({
      id,
      title: `Point ${id}`,
      weight: 1,
      signals: ['nightly job', 'kafka'],
      probe: 'What would you need to know first?',
      strong: 'x'.repeat(50),
    })),
  });

  it('passes a question that names neither side', () => {
    expect(card.points.map((point) => questionLeaks(card.question, point))).toEqual([null, null, null]);
  });

  it('finds a signal whose words all appear, whatever their inflection', () => {
    expect(questionLeaks('Would you run nightly jobs for this?', card.points[0]!)).toBe('nightly job');
  });
});
