import type { Presence, RoomView } from '@mlsd/protocol';
import type { Outbox } from './storage.ts';

/**
 * How a page holds a room: with a seat's token (it can act, and invite observers) or through a
 * watch link (read only: every control is hidden or disabled, and the server refuses any frame).
 */
export type Access = { kind: 'seat'; token: string } | { kind: 'watch' };

export const WATCHING: Access = { kind: 'watch' };

/** An observer sends nothing, so its connection keeps nothing to resend (and never reads a seat's outbox). */
export const NO_OUTBOX: Outbox = { list: () => [], add: () => {}, remove: () => false };

export interface Attendee {
  who: string;
  state: string;
  here: boolean;
}

/** Who is in the room, as an observer's banner lists it; the count of observers includes the reader. */
export function whoIsHere(room: Pick<RoomView, 'mode' | 'interviewer'>, presence: Presence): Attendee[] {
  const seen = (here: boolean) => (here ? 'connected' : 'not connected');
  const interviewer: Attendee =
    room.mode === 'solo'
      ? {
          who: 'Interviewer',
          state: room.interviewer === 'llm' ? 'language model' : 'offline interviewer',
          here: true,
        }
      : { who: 'Interviewer', state: seen(presence.interviewer), here: presence.interviewer };
  const others = Math.max(0, presence.observers - 1);
  return [
    { who: 'Candidate', state: seen(presence.candidate), here: presence.candidate },
    interviewer,
    {
      who: 'Watching',
      state: others === 0 ? 'only you' : `you and ${others} more`,
      here: true,
    },
  ];
}
