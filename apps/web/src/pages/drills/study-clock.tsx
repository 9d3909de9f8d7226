import { countdownTone, formatClock } from '../../lib/countdown.ts';

/** The countdown of a drill or a drawing: green, then amber, then red; "Time is up" at zero. */
export function StudyClock({ left, timeUp }: { left: number; timeUp: boolean }) {
  return (
    <div
      className={`study-clock study-clock--${timeUp ? 'red' : countdownTone(left)}`}
      role="timer"
      aria-label="Time left"
    >
      {timeUp ? 'Time is up' : formatClock(left)}
    </div>
  );
}
