import type { Command } from '@mlsd/protocol';
import { type Refusal, refuse } from '../refusals.ts';
import type { RoomHost } from '../room.ts';
import type { SeatSocket } from '../seat-hub.ts';
import { EngineInterviewer, type EngineInterviewerDeps } from './engine-interviewer.ts';

/**
 * Turns one solo session may hold. A 45-minute interview has a few hundred at most; the cap stops
 * a stuck or scripted client from growing one session (its replay, its report, its page) without
 * end. Generous on purpose: no real interview comes near it.
 */
export const DEFAULT_MAX_TURNS = 2_000;

/** The refusal of an answer over the cap: what the limit is, and that what was stored is kept. */
export function turnLimitRefusal(maxTurns: number): Refusal {
  return refuse(
    'TURN_LIMIT',
    `this interview has reached its limit of ${maxTurns} turns, so this message was not added. ` +
      'Nothing was lost: every earlier turn is saved. End the interview to get your report, or start a new session.',
  );
}

/** The engine interviewer with a cap on the transcript's length; everything else is unchanged. */
export class TurnCappedInterviewer extends EngineInterviewer {
  readonly #host: RoomHost;
  readonly #deps: EngineInterviewerDeps;
  readonly #maxTurns: number;
  readonly #id: string;

  constructor(maxTurns: number, ...args: ConstructorParameters<typeof EngineInterviewer>) {
    super(...args);
    const [host, deps, , record] = args;
    this.#host = host;
    this.#deps = deps;
    this.#maxTurns = maxTurns;
    this.#id = record.id;
  }

  override command(socket: SeatSocket, command: Command): Promise<Refusal | null> | Refusal | null {
    // A resend of an answer already stored is still acknowledged (as a duplicate), and an ended
    // interview still says it has ended: only a new answer over the cap is refused.
    if (
      command.type === 'say' &&
      !this.ended &&
      this.#host.transcript.length >= this.#maxTurns &&
      !this.#deps.db.sessions.hasCommand(this.#id, command.clientId)
    )
      return turnLimitRefusal(this.#maxTurns);
    return super.command(socket, command);
  }
}
