import type { RoomClock, TimerAction } from '@mlsd/protocol';
import { useState } from 'react';
import { EndDialog } from '../room/end-dialog.tsx';

/** The interviewer's clock: pause or resume, more time, next step, end. */
export function TimerControls({
  clock,
  connected,
  onTimer,
}: {
  clock: RoomClock;
  connected: boolean;
  onTimer: (action: TimerAction, minutes?: number) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const paused = clock.pausedAt !== null;
  const last = clock.steps.findIndex((s) => s.id === clock.currentStep) === clock.steps.length - 1;
  return (
    <fieldset className="timer-controls bare-fieldset">
      <legend className="visually-hidden">Clock</legend>
      <button
        type="button"
        className="button button--block"
        disabled={!connected}
        onClick={() => onTimer(paused ? 'resume' : 'pause')}
      >
        {paused ? '▶ Resume clock' : '❚❚ Pause clock'}
      </button>
      <div className="timer-controls__row">
        <button
          type="button"
          className="button button--small"
          disabled={!connected}
          onClick={() => onTimer('add_minutes', 1)}
        >
          +1 min
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!connected}
          onClick={() => onTimer('add_minutes', 5)}
        >
          +5 min
        </button>
      </div>
      <button
        type="button"
        className="button button--block"
        disabled={!connected}
        onClick={() => onTimer('next_step')}
      >
        {last ? 'Finish the last step' : 'Next step →'}
      </button>
      <button
        type="button"
        className="button button--quiet button--block button--danger-text"
        disabled={!connected}
        onClick={() => setConfirming(true)}
      >
        End interview
      </button>
      <EndDialog
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onTimer('end');
        }}
      />
    </fieldset>
  );
}
