import { CAPABILITIES, type CommandType, type ErrorCode, type RoomMode, type Seat } from '@mlsd/protocol';

/** A refused command: nothing was stored. */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

export const refuse = (code: ErrorCode, message: string): Refusal => ({ code, message });

export const ENDED = refuse(
  'ROOM_ENDED',
  'this interview has ended; nothing more can be added. Open the report to review it.',
);
export const NOT_STARTED = refuse(
  'NOT_STARTED',
  'the interview has not started yet; the interviewer starts it from the console',
);

/** Why a seat may not send a command, in words that say who can. */
export function forbidden(mode: RoomMode, seat: Seat, type: CommandType): Refusal {
  if (seat === 'observer') {
    return refuse('FORBIDDEN', 'observers watch the interview; they cannot send anything into it');
  }
  const allowed = (['candidate', 'interviewer'] as const).filter((s) => CAPABILITIES[mode][s].includes(type));
  if (allowed.length === 1) return refuse('FORBIDDEN', `only the ${allowed[0]} can do that`);
  return refuse('FORBIDDEN', `"${type}" is not available in a ${mode} interview`);
}

export const SOLO_CLOCK = refuse(
  'FORBIDDEN',
  'in a solo interview you can pause or resume the clock ("pause", "resume"), move on ("next_step") or end it ("end")',
);

/** Time stops while paused, so an answer then would be free thinking time: resume first. */
export const PAUSED = refuse('PAUSED', 'the clock is paused; resume it to send an answer');
