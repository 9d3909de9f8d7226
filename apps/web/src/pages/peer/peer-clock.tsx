import type { PeerClock } from '@mlsd/protocol';
import { countdownTone, formatClock, formatMinutes } from '../../lib/countdown.ts';
import { peerRemainingMs, peerStepUsedMs } from '../../lib/peer/peer-state.ts';

const MARK = { done: '✓', skipped: '–' } as const;

/** The current step's clock on the server's time; frozen and labelled while paused. */
export function PeerCountdown({ clock, now, offset }: { clock: PeerClock; now: number; offset: number }) {
  const index = clock.steps.findIndex((s) => s.id === clock.currentStep);
  const step = clock.steps[index];
  const left = peerRemainingMs(clock, now, offset);
  const paused = clock.pausedAt !== null;
  const tone = paused ? 'calm' : countdownTone(left);
  const share = clock.stepBudgetMs > 0 ? Math.min(1, Math.max(0, left / clock.stepBudgetMs)) : 0;
  const shown = formatClock(left);
  return (
    <div className={`countdown countdown--${tone}${paused ? ' countdown--paused' : ''}`}>
      <div className="countdown__step">
        Step {index + 1} of {clock.steps.length}
        <span className="countdown__title">{step?.title ?? clock.currentStep}</span>
      </div>
      <div className="countdown__clock" role="timer" aria-label={`${shown} left in this step`}>
        {shown}
      </div>
      <div className="countdown__bar" aria-hidden="true">
        <span className="countdown__fill" style={{ width: `${share * 100}%` }} />
      </div>
      <div className="countdown__hint">
        {paused
          ? 'Paused by the interviewer'
          : left <= 0
            ? "Time's up for this step"
            : `of ${formatMinutes(clock.stepBudgetMs)}`}
      </div>
    </div>
  );
}

/** The seven steps with time used against each budget. */
export function PeerStepRail({ clock, now, offset }: { clock: PeerClock; now: number; offset: number }) {
  return (
    <ol className="step-rail">
      {clock.steps.map((step, i) => {
        const used = peerStepUsedMs(clock, step.id, now, offset);
        const share = step.budgetMs > 0 ? Math.min(1, used / step.budgetMs) : 0;
        return (
          <li
            key={step.id}
            className={`step-rail__item step-rail__item--${step.status}`}
            aria-current={step.id === clock.currentStep ? 'step' : undefined}
          >
            <span className="step-rail__index" aria-hidden="true">
              {step.status === 'done' || step.status === 'skipped' ? MARK[step.status] : i + 1}
            </span>
            <span className="step-rail__body">
              <span className="step-rail__title">{step.title}</span>
              <span className={`step-rail__time${used > step.budgetMs ? ' step-rail__time--over' : ''}`}>
                {step.status === 'pending'
                  ? formatMinutes(step.budgetMs)
                  : `${formatClock(used)} / ${formatClock(step.budgetMs)}`}
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
