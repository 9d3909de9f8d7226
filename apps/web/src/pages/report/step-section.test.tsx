import type { StepReport } from '@mlsd/protocol';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StepSection } from './step-section.tsx';

const evidence = (quote: string, turnIndex = 3) => ({ quote, turnIndex });

const reached: StepReport = {
  id: 'serving',
  title: 'Serving',
  score: 18,
  contentScore: 30,
  covered: [
    {
      pointId: 'cache',
      title: 'Caching',
      weight: 3,
      level: 'explained',
      credit: 0.5,
      evidence: evidence('cache the <b>user</b> side'),
      unprompted: false,
      afterHint: { level: 3, factor: 0.5 },
    },
  ],
  missed: [
    {
      pointId: 'latency',
      title: 'Latency budget',
      weight: 2,
      strong: 'States a budget.',
      nearMiss: { quote: 'what latency do we need?', turnIndex: 5, why: 'question' },
    },
  ],
  redFlags: [
    {
      id: 'no-fallback',
      title: 'No fallback',
      why: 'A timeout shows nothing.',
      evidence: evidence('we never time out'),
      severity: 'major',
      deduction: 12,
    },
  ],
  curveballs: [
    {
      id: 'peak',
      text: 'Traffic triples for the holiday.',
      expects: 'Fewer candidates, caching, a smaller model.',
      turnIndex: 4,
      covered: ['caching'],
      missing: ['Fewer candidates', 'a smaller model'],
      share: 0.333,
      weight: 2,
      credit: 0.667,
      evidence: evidence('I would cache embeddings', 5),
    },
  ],
  interventions: { probes: 1, followUps: 0, hints: 1, challenges: 1 },
  usedMs: 300_000,
  budgetMs: 420_000,
  reached: true,
};

const render = (step: StepReport) =>
  renderToStaticMarkup(<StepSection step={step} index={5} onShowTurn={() => {}} />);

describe('StepSection', () => {
  const html = render(reached);

  it('shows what red flags took off the score, with severity and quote', () => {
    expect(html).toContain('Score: content 30 − red flags 12 = 18');
    expect(html).toContain('major</span>');
    expect(html).toContain('−12 points');
    expect(html).toContain('we never time out');
  });

  it('says when a red flag was taken back and costs half', () => {
    const [flag] = reached.redFlags;
    const taken = render({
      ...reached,
      score: 24,
      redFlags: [
        { ...flag!, deduction: 6, takenBack: evidence('actually no, we fall back to the cached list', 7) },
      ],
    });
    expect(taken).toContain('−6 points');
    expect(taken).toContain(
      'Taken back, so it costs half: <q>actually no, we fall back to the cached list</q>',
    );
    expect(html).not.toContain('Taken back');
  });

  it('shows the help given and the points reached after a hint', () => {
    expect(html).toContain('Interviewer help: 1 hint · 1 challenge · 1 probe');
    expect(html).toContain('after a hint that named it (×0.5 credit)');
    expect(html).toContain('badge--hint');
    expect(html).toContain('cache the &lt;b&gt;user&lt;/b&gt; side');
  });

  it('grades curveballs: the text, the share covered, the quote and what a good reaction covers', () => {
    expect(html).toContain('Traffic triples for the holiday.');
    expect(html).toContain('Your reaction covered 33% of what a good one covers.');
    expect(html).toContain('I would cache embeddings');
    expect(html).toContain('Fewer candidates, caching, a smaller model.');
    expect(html).toContain('✓ caching');
  });

  it('renders a near miss when the matcher gives one', () => {
    expect(html).toContain('Close: <q>what latency do we need?</q> (asked as a question, not stated)');
  });

  it('shows points raised before an unreached step as unscored, without deductions', () => {
    const early = render({
      ...reached,
      score: 0,
      reached: false,
      curveballs: [],
      interventions: { probes: 0, followUps: 0, hints: 0, challenges: 0 },
    });
    expect(early).toContain('not reached');
    expect(early).toContain('Raised early, not scored');
    expect(early).not.toContain('Covered');
    expect(early).not.toContain('−12 points');
    expect(early).not.toContain('Score: content');
    expect(early).toContain('The interview ended before this step, so it scores 0');
  });

  it('does not claim a deduction a scorer did not apply (older reports, judge steps)', () => {
    const { contentScore: _, ...unpenalised } = reached;
    const html = render(unpenalised);
    expect(html).toContain('No fallback');
    expect(html).not.toContain('−12 points');
    expect(html).not.toContain('Score: content');
  });

  it('marks a bonus point above the level and shows what a staff answer adds', () => {
    const [cache] = reached.covered;
    const [latency] = reached.missed;
    if (!cache || !latency) throw new Error('fixture');
    const leveled = render({
      ...reached,
      covered: [{ ...cache, beyondLevel: true }],
      missed: [{ ...latency, staff: 'Prices the latency budget against the serving bill per month.' }],
    });
    expect(leveled).toContain('badge--bonus');
    expect(leveled).toContain('above level: bonus');
    expect(leveled).toContain('<h5>What a staff answer adds</h5>');
    expect(leveled).toContain('Prices the latency budget against the serving bill per month.');
    expect(html).not.toContain('above level');
    expect(html).not.toContain('What a staff answer adds');
  });

  it('says an unanswered curveball was not scored', () => {
    const ball = reached.curveballs?.[0];
    if (!ball) throw new Error('fixture');
    const html = render({ ...reached, curveballs: [{ ...ball, weight: 0, share: 0, evidence: null }] });
    expect(html).toContain('The step ended before you answered it; it was not scored.');
  });
});
