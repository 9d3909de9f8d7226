import type { EngineEvent } from '@mlsd/engine';
import type { Command } from '@mlsd/protocol';

/** A clock action of a `timer` command; `start` is the lobby's and has no engine event of its own. */
export type ClockAction = Exclude<Extract<Command, { type: 'timer' }>['action'], 'start'>;

/** The engine event for a clock control, from a peer interviewer or a solo candidate alike. */
export function clockEvent(action: ClockAction, minutes = 0): EngineEvent {
  switch (action) {
    case 'pause':
      return { type: 'pause' };
    case 'resume':
      return { type: 'resume' };
    case 'next_step':
      return { type: 'move-on' };
    case 'add_minutes':
      return { type: 'add-time', ms: minutes * 60_000 };
    case 'end':
      return { type: 'end' };
  }
}
