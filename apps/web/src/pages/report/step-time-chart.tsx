import type { StepReport } from '@mlsd/protocol';
import { formatMinutes } from '../../lib/countdown.ts';
import { truncate } from './step-score-chart.tsx';

const W = 560;
const ROW = 30;
const LABEL_W = 170;
const BAR_X = LABEL_W + 10;
const BAR_W = W - BAR_X - 96;

/** Time used per step (filled) against its budget (outlined); overruns show past the budget mark. */
export function StepTimeChart({ steps }: { steps: StepReport[] }) {
  const scale = Math.max(1, ...steps.map((s) => Math.max(s.budgetMs, s.usedMs ?? 0)));
  const x = (ms: number) => BAR_X + (ms / scale) * BAR_W;
  const height = steps.length * ROW + 4;
  const summary = steps
    .map(
      (s) =>
        `${s.title}: ${s.usedMs === null ? 'unknown' : formatMinutes(s.usedMs)} of ${formatMinutes(s.budgetMs)}`,
    )
    .join('; ');
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`Time per step. ${summary}`}>
      {steps.map((step, i) => {
        const y = i * ROW + 6;
        const used = step.usedMs ?? 0;
        const over = used > step.budgetMs;
        return (
          <g key={step.id}>
            <text className="chart__label" x={LABEL_W} y={y + 13} textAnchor="end">
              {truncate(step.title, 26)}
            </text>
            <rect
              className="chart__budget"
              x={BAR_X}
              y={y}
              width={x(step.budgetMs) - BAR_X}
              height={18}
              rx={4}
            />
            <rect
              className="chart__used"
              x={BAR_X}
              y={y + 4}
              width={Math.min(x(used), x(step.budgetMs)) - BAR_X}
              height={10}
              rx={3}
            />
            {over && (
              <rect
                className="chart__over"
                x={x(step.budgetMs)}
                y={y + 4}
                width={x(used) - x(step.budgetMs)}
                height={10}
                rx={3}
              />
            )}
            <text className={`chart__value${over ? ' chart__value--over' : ''}`} x={W - 90} y={y + 13}>
              {step.usedMs === null ? '–' : formatMinutes(step.usedMs)} / {formatMinutes(step.budgetMs)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
