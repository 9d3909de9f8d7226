import type { StepProgress } from '@mlsd/protocol';
import { formatClock } from '../lib/countdown.ts';

const MARK = { done: '✓', skipped: '–' } as const;

/**
 * One step of a step rail: its number (or a mark once done or skipped), title, time used against
 * the budget (`planned` while pending) and a bar. `note` is read out by screen readers only.
 */
export function StepRailItem({
  step,
  index,
  usedMs,
  current,
  planned,
  note,
}: {
  step: Pick<StepProgress, 'id' | 'title' | 'status' | 'budgetMs'>;
  index: number;
  usedMs: number;
  current: boolean;
  planned: string;
  note?: string;
}) {
  const share = step.budgetMs > 0 ? Math.min(1, usedMs / step.budgetMs) : 0;
  return (
    <li
      className={`step-rail__item step-rail__item--${step.status}`}
      aria-current={current ? 'step' : undefined}
    >
      <span className="step-rail__index" aria-hidden="true">
        {step.status === 'done' || step.status === 'skipped' ? MARK[step.status] : index + 1}
      </span>
      <span className="step-rail__body">
        <span className="step-rail__title">{step.title}</span>
        <span className={`step-rail__time${usedMs > step.budgetMs ? ' step-rail__time--over' : ''}`}>
          {step.status === 'pending' ? planned : `${formatClock(usedMs)} / ${formatClock(step.budgetMs)}`}
          {note !== undefined && <span className="visually-hidden">{note}</span>}
        </span>
        {step.status !== 'pending' && (
          <span className="step-rail__bar" aria-hidden="true">
            <span className="step-rail__fill" style={{ width: `${share * 100}%` }} />
          </span>
        )}
      </span>
    </li>
  );
}
