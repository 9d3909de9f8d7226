import { countdownTone, formatClock, remainingMs } from '../../lib/countdown.ts';
import type { RoomState } from '../../lib/room-state.ts';

const HINT = {
  calm: '',
  amber: 'Two minutes left',
  red: 'Last minute: wrap up',
} as const;

/** The current step's clock, on the server's time; amber in the last two minutes, red in the last. */
export function StepCountdown({ state, now }: { state: RoomState; now: number }) {
  const index = state.steps.findIndex((s) => s.id === state.currentStep);
  const step = state.steps[index];
  const left = remainingMs(state.stepStartedAt, state.stepBudgetMs, now, state.clockOffset);
  const tone = countdownTone(left);
  const share = state.stepBudgetMs > 0 ? Math.min(1, Math.max(0, left / state.stepBudgetMs)) : 0;
  const clock = formatClock(left);
  return (
    <div className={`countdown countdown--${tone}`}>
      <div className="countdown__step">
        Step {index + 1} of {state.steps.length}
        <span className="countdown__title">{step?.title ?? state.currentStep}</span>
      </div>
      <div className="countdown__clock" role="timer" aria-label={`${clock} left in this step`}>
        {clock}
      </div>
      <div className="countdown__bar" aria-hidden="true">
        <span className="countdown__fill" style={{ width: `${share * 100}%` }} />
      </div>
      <div className="countdown__hint">
        {left <= 0 ? "Time's up for this step" : HINT[tone] || `of ${formatClock(state.stepBudgetMs)}`}
      </div>
    </div>
  );
}
