import type { StepReport } from '@mlsd/protocol';
import { scoreBand } from '../../lib/labels.ts';

const W = 560;
const ROW = 30;
const LABEL_W = 170;
const BAR_X = LABEL_W + 10;
const BAR_W = W - BAR_X - 44;

/** Horizontal bars, one per step, 0..100 with gridlines at 25s. */
export function StepScoreChart({ steps }: { steps: StepReport[] }) {
  const height = steps.length * ROW + 22;
  const summary = steps
    .map((s) => `${s.title}: ${s.reached ? Math.round(s.score) : 'not reached'}`)
    .join('; ');
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`Score by step. ${summary}`}>
      {[0, 25, 50, 75, 100].map((tick) => {
        const x = BAR_X + (tick / 100) * BAR_W;
        return (
          <g key={tick}>
            <line className="chart__grid" x1={x} x2={x} y1={4} y2={height - 18} />
            <text className="chart__tick" x={x} y={height - 4} textAnchor="middle">
              {tick}
            </text>
          </g>
        );
      })}
      {steps.map((step, i) => {
        const y = i * ROW + 6;
        const width = (Math.max(0, Math.min(100, step.score)) / 100) * BAR_W;
        return (
          <g key={step.id}>
            <text className="chart__label" x={LABEL_W} y={y + 13} textAnchor="end">
              {truncate(step.title, 26)}
            </text>
            <rect className="chart__track" x={BAR_X} y={y} width={BAR_W} height={18} rx={4} />
            {step.reached ? (
              <>
                <rect
                  className={`chart__bar chart__bar--${scoreBand(step.score)}`}
                  x={BAR_X}
                  y={y}
                  width={width}
                  height={18}
                  rx={4}
                />
                <text className="chart__value" x={BAR_X + BAR_W + 8} y={y + 13}>
                  {Math.round(step.score)}
                </text>
              </>
            ) : (
              <text className="chart__none" x={BAR_X + 8} y={y + 13}>
                not reached
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
