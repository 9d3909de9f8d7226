import type { VerdictComparison } from '@mlsd/protocol';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleComparison } from '../../lib/comparison-fixture.ts';
import { JudgeComparison } from './judge-comparison.tsx';

const render = (comparison: VerdictComparison) =>
  renderToStaticMarkup(<JudgeComparison comparison={comparison} onShowTurn={() => {}} />);

/** The text of the list item that holds `text`. */
function itemWith(html: string, text: string): string {
  const item = html.split('<li').find((part) => part.includes(text));
  if (item === undefined) throw new Error(`no item holds ${text}`);
  return item;
}

describe('JudgeComparison', () => {
  const html = render(sampleComparison);

  it('shows which scorer produced each number, overall and per step', () => {
    expect(html).toContain('Offline matcher');
    expect(html).toContain('Model judge');
    expect(html).toContain('41 · Lean no hire');
    expect(html).toContain('56 · Hire');
    expect(html).toContain('(+14)');
    expect(html).toMatch(/Clarifying requirements<\/th><td>40<\/td><td>60<\/td>/);
  });

  it('counts points, red flags and curveballs they disagree on, overall and per step', () => {
    expect(html).toContain('≠ 2 points · 2 red flags · 1 curveball');
    expect(html).toMatch(
      /Clarifying requirements<\/th><td>40<\/td><td>60<\/td><td><span[^>]*>≠ 1 point · 1 red flag</,
    );
    expect(html).toMatch(/Framing<\/th><td>30<\/td><td>30<\/td><td><span[^>]*>≠ 1 curveball</);
    expect(html).toMatch(/Model choice<\/th><td>20<\/td><td>20<\/td><td><span class="muted">agree</);
    expect(html.match(/compare__row--differs/g)).toHaveLength(3);
  });

  it('marks point disagreements and quotes the candidate as text', () => {
    expect(html).toContain('only the judge credits it');
    expect(html).toContain('150k QPS &lt;b&gt;peak&lt;/b&gt;');
    expect(html).not.toContain('<b>peak');
  });

  it('marks the judge verdicts whose two runs disagreed, and only those', () => {
    expect(itemWith(html, 'Label delay')).toContain('uncertain: the two judge runs disagreed');
    expect(itemWith(html, 'Scale and latency')).not.toContain('uncertain');
    expect(itemWith(html, 'Legal says 40%')).toContain('uncertain: the two judge runs disagreed');
    expect(html).toContain(
      'The two scorers agree on these, but the two judge runs disagreed (uncertain): <span>Business objective</span>',
    );
  });

  it('shows red flags one scorer found, and ones only one judge run found', () => {
    const accuracy = itemWith(html, 'Accuracy on imbalanced data');
    expect(accuracy).toContain('major, −12 points');
    expect(accuracy).toContain('only the offline matcher found it');
    expect(accuracy).toMatch(
      /Offline matcher<\/dt><dd><span class="badge badge--flag">found<\/span> <q>accuracy is the metric/,
    );
    expect(accuracy).toMatch(/Model judge<\/dt><dd><span class="badge badge--quiet">not found</);
    const leak = itemWith(html, 'Future data in features');
    expect(leak).toContain('neither counts it');
    expect(leak).not.toContain('−20 points');
    expect(leak).toMatch(
      /Model judge<\/dt><dd><span class="badge badge--quiet">not counted<\/span> <small[^>]*>uncertain/,
    );
  });

  it('shows what each scorer found covered in a curveball reaction', () => {
    const ball = itemWith(html, 'Legal says 40%');
    expect(ball).toContain('covered 50%</span><span class="muted"> contextual features</span>');
    expect(ball).toContain(
      'covered 100%</span><span class="muted"> contextual features, a separate slice</span>',
    );
  });

  it('reads a report made before red flags and curveballs were compared', () => {
    const older = render({
      ...sampleComparison,
      steps: sampleComparison.steps.map(({ redFlags: _, curveballs: __, ...step }) => ({
        ...step,
        points: step.points.map((point) => ({ ...point, judge: { ...point.judge, uncertain: undefined } })),
      })),
      disagreements: sampleComparison.disagreements.map((point) => ({
        ...point,
        judge: { ...point.judge, uncertain: undefined },
      })),
      redFlagDisagreements: undefined,
      curveballDisagreements: undefined,
    });
    expect(older).toContain('≠ 2 points</span>');
    expect(older).not.toContain('Red flags');
    expect(older).not.toContain('uncertain');
  });
});
