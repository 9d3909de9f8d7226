import { countdownTone, formatClock } from '../../lib/countdown.ts';
import type { RoomState } from '../../lib/room-state.ts';
import { overallLeftMs, stepLeftMs } from '../../lib/room-time.ts';

const HINT = {
  calm: '',
  amber: 'Two minutes left',
  red: 'Last minute: wrap up',
} as const;

/**
 * The current step's clock and the time left in the whole interview, on the server's time; amber
 * in the last two minutes, red in the last. Both stand still, calm and labelled, while paused.
 */
export function StepCountdown({ state, now }: { state: RoomState; now: number }) {
  const index = state.steps.findIndex((s) => s.id === state.currentStep);
  const step = state.steps[index];
  const paused = state.pausedAt !== null;
  const left = stepLeftMs(state, now);
  const overall = formatClock(overallLeftMs(state, now));
  const tone = paused ? 'calm' : countdownTone(left);
  const share = state.stepBudgetMs > 0 ? Math.min(1, Math.max(0, left / state.stepBudgetMs)) : 0;
  const clock = formatClock(left);
  return (
    <div className={`countdown countdown--${tone}${paused ? ' countdown--paused' : ''}`}>
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
        {paused
          ? 'Paused: the clock is stopped'
          : left <= 0
            ? "Time's up for this step"
            : HINT[tone] || `of ${formatClock(state.stepBudgetMs)}`}
      </div>
      <div className="countdown__overall" role="timer" aria-label={`${overall} left in the interview`}>
        <span>Interview</span> <span className="countdown__overall-clock">{overall}</span> left
      </div>
    </div>
  );
}
