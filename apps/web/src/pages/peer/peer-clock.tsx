import type { RoomClock } from '@mlsd/protocol';
import { StepRailItem } from '../../components/step-rail-item.tsx';
import { countdownTone, formatClock, formatMinutes } from '../../lib/countdown.ts';
import { peerRemainingMs, peerStepUsedMs } from '../../lib/peer/peer-state.ts';

interface ClockProps {
  clock: RoomClock;
  now: number;
  offset: number;
  /** When the room ended (server epoch ms): the clock stops there. */
  endedAt?: number | null;
}

/** The current step's clock on the server's time; frozen and labelled while paused and once ended. */
export function PeerCountdown({ clock, now, offset, endedAt = null }: ClockProps) {
  const index = clock.steps.findIndex((s) => s.id === clock.currentStep);
  const step = clock.steps[index];
  const left = peerRemainingMs(clock, now, offset, endedAt);
  const paused = clock.pausedAt !== null;
  const ended = endedAt !== null;
  const tone = paused || ended ? 'calm' : countdownTone(left);
  const share = clock.stepBudgetMs > 0 ? Math.min(1, Math.max(0, left / clock.stepBudgetMs)) : 0;
  const shown = formatClock(left);
  return (
    <div className={`countdown countdown--${tone}${paused || ended ? ' countdown--paused' : ''}`}>
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
        {ended
          ? 'The interview has ended'
          : paused
            ? 'Paused by the interviewer'
            : left <= 0
              ? "Time's up for this step"
              : `of ${formatMinutes(clock.stepBudgetMs)}`}
      </div>
    </div>
  );
}

/** The seven steps with time used against each budget. */
export function PeerStepRail({ clock, now, offset, endedAt = null }: ClockProps) {
  return (
    <ol className="step-rail">
      {clock.steps.map((step, i) => (
        <StepRailItem
          key={step.id}
          step={step}
          index={i}
          usedMs={peerStepUsedMs(clock, step.id, now, offset, endedAt)}
          current={step.id === clock.currentStep}
          planned={formatMinutes(step.budgetMs)}
        />
      ))}
    </ol>
  );
}
