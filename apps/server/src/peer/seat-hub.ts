import type { PeerPresence, PeerServerMessage } from '@mlsd/protocol';
import { projectForSeat } from './projection.ts';
import type { PeerSubscriber } from './room-types.ts';

/** The sockets in a room. Every frame it sends passes the seat's projection first. */
export class SeatHub {
  readonly #subscribers = new Set<PeerSubscriber>();

  get size(): number {
    return this.#subscribers.size;
  }

  add(subscriber: PeerSubscriber): void {
    this.#subscribers.add(subscriber);
  }

  delete(subscriber: PeerSubscriber): boolean {
    return this.#subscribers.delete(subscriber);
  }

  get presence(): PeerPresence {
    const presence = { interviewer: false, candidate: false };
    for (const subscriber of this.#subscribers) presence[subscriber.seat] = true;
    return presence;
  }

  send(subscriber: PeerSubscriber, message: PeerServerMessage): void {
    const projected = projectForSeat(subscriber.seat, message);
    if (projected) subscriber.send(projected);
  }

  /** To every seat; `make` runs per subscriber when each needs its own copy. */
  broadcast(message: PeerServerMessage | (() => PeerServerMessage)): void {
    for (const subscriber of this.#subscribers)
      this.send(subscriber, typeof message === 'function' ? message() : message);
  }

  toInterviewers(message: PeerServerMessage): void {
    for (const subscriber of this.#subscribers)
      if (subscriber.seat === 'interviewer') this.send(subscriber, message);
  }
}
