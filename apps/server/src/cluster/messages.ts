import type { Command, Seat, SeatView, ServerEvent, ServerMessage } from '@mlsd/protocol';
import type { Refusal } from '../rooms/refusals.ts';

/**
 * What an instance with a seat asks the instance that runs the room (through CommandForwarding).
 * `conn` names the seat's connection across the cluster: `<instanceId>/<n>`.
 */
export type SeatRequest =
  /** Seat this connection in the room: its snapshot and first frames come back in the reply. */
  | { kind: 'join'; conn: string; seat: Seat; view: SeatView }
  /** A command the connection sent, run as that seat. */
  | { kind: 'command'; conn: string; command: Command }
  | { kind: 'leave'; conn: string }
  /** The connections are still open (the owner forgets seats that stop saying so). */
  | { kind: 'touch'; conns: string[] };

export type SeatReply =
  | { kind: 'joined'; frames: ServerMessage[] }
  | { kind: 'done'; refusal: Refusal | null }
  /** The owner does not know this connection (it took the room over): join again first. */
  | { kind: 'rejoin' }
  | { kind: 'ok' };

/** A frame for one remote connection, on its instance's live channel. */
export interface LiveFrame {
  conn: string;
  message: ServerMessage;
}

const NUMBERED = new Set<string>(['turn', 'step', 'warning', 'ended']);

/** Numbered (stored) events reach other instances through the fan-out stream, in seq order. */
export function isNumbered(message: ServerMessage): message is ServerEvent {
  return NUMBERED.has(message.type) && typeof (message as { seq?: unknown }).seq === 'number';
}
