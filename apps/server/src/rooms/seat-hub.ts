import type { Presence, Seat, SeatView, ServerMessage } from '@mlsd/protocol';
import { projectForView } from './projection.ts';

/** One connected socket. Its seat and view come from the token it presented, never from a frame. */
export interface SeatSocket {
  readonly seat: Seat;
  readonly view: SeatView;
  send(message: ServerMessage): void;
  /** The room stopped running in this process (another instance runs it now): reconnect there. */
  moved?(): void;
}

/** The sockets in a room. Every frame it sends passes the socket's projection first. */
export class SeatHub {
  readonly #sockets = new Set<SeatSocket>();
  /** Set for rooms whose interviewer is the server: that seat is always taken. */
  readonly #serverInterviews: boolean;

  constructor(serverInterviews: boolean) {
    this.#serverInterviews = serverInterviews;
  }

  get size(): number {
    return this.#sockets.size;
  }

  add(socket: SeatSocket): void {
    this.#sockets.add(socket);
  }

  delete(socket: SeatSocket): boolean {
    return this.#sockets.delete(socket);
  }

  /** The sockets themselves (a copy: a caller may remove some while going through them). */
  sockets(): SeatSocket[] {
    return [...this.#sockets];
  }

  get presence(): Presence {
    const presence = { interviewer: this.#serverInterviews, candidate: false, observers: 0 };
    for (const socket of this.#sockets) {
      if (socket.seat === 'observer') presence.observers += 1;
      else presence[socket.seat] = true;
    }
    return presence;
  }

  send(socket: SeatSocket, message: ServerMessage): void {
    const projected = projectForView(socket.view, message);
    if (projected) socket.send(projected);
  }

  /** To every socket that `to` accepts (all by default); `make` runs per socket when each needs its own copy. */
  broadcast(
    message: ServerMessage | ((socket: SeatSocket) => ServerMessage),
    to: (socket: SeatSocket) => boolean = () => true,
  ): void {
    for (const socket of this.#sockets) {
      if (to(socket)) this.send(socket, typeof message === 'function' ? message(socket) : message);
    }
  }

  /** To the sockets with the interviewer's view: the human interviewer and console observers. */
  toInterviewerViews(message: ServerMessage): void {
    this.broadcast(message, (socket) => socket.view === 'interviewer');
  }

  get hasInterviewerView(): boolean {
    for (const socket of this.#sockets) if (socket.view === 'interviewer') return true;
    return false;
  }
}
