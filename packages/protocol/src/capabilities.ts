import type { CommandType, TimerAction } from './client-frames.ts';
import type { RoomMode, Seat } from './room.ts';

/**
 * Which commands each seat may send, per kind of room. A command outside its seat's list is
 * refused with `FORBIDDEN` and nothing is stored. Observers only watch.
 */
export const CAPABILITIES: Record<RoomMode, Record<Seat, readonly CommandType[]>> = {
  solo: {
    candidate: ['say', 'notes', 'drawing', 'timer'],
    // The engine is the interviewer of a solo room; no socket holds that seat.
    interviewer: [],
    observer: [],
  },
  peer: {
    candidate: ['say', 'notes', 'drawing', 'swap'],
    interviewer: ['say', 'timer', 'mark', 'rate', 'private_notes', 'swap'],
    observer: [],
  },
};

/** The clock actions a solo candidate may take: pause and resume it, move on, or stop. */
export const SOLO_TIMER_ACTIONS: ReadonlySet<TimerAction> = new Set(['pause', 'resume', 'next_step', 'end']);

export function mayCommand(mode: RoomMode, seat: Seat, type: CommandType): boolean {
  return CAPABILITIES[mode][seat].includes(type);
}
