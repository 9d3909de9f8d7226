import { formatClock } from '../../lib/countdown.ts';
import { type RoomState, stepUsedMs } from '../../lib/room-state.ts';

const MARK = { done: '✓', skipped: '–' } as const;

/** The seven steps with time used against each budget; the current one is highlighted. */
export function StepRail({ state, serverNow }: { state: RoomState; serverNow: number }) {
  return (
    <ol className="step-rail">
      {state.steps.map((step, i) => {
        const used = stepUsedMs(state, step, serverNow);
        const active = step.id === state.currentStep;
        const share = step.budgetMs > 0 ? Math.min(1, used / step.budgetMs) : 0;
        const overBudget = used > step.budgetMs;
        return (
          <li
            key={step.id}
            className={`step-rail__item step-rail__item--${step.status}`}
            aria-current={active ? 'step' : undefined}
          >
            <span className="step-rail__index" aria-hidden="true">
              {step.status === 'done' || step.status === 'skipped' ? MARK[step.status] : i + 1}
            </span>
            <span className="step-rail__body">
              <span className="step-rail__title">{step.title}</span>
              <span className={`step-rail__time${overBudget ? ' step-rail__time--over' : ''}`}>
                {step.status === 'pending'
                  ? `${formatClock(step.budgetMs)} planned`
                  : `${formatClock(used)} / ${formatClock(step.budgetMs)}`}
                <span className="visually-hidden">{step.status === 'skipped' ? ' (skipped)' : ''}</span>
              </span>
              {step.status !== 'pending' && (
                <span className="step-rail__bar" aria-hidden="true">
                  <span className="step-rail__fill" style={{ width: `${share * 100}%` }} />
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
