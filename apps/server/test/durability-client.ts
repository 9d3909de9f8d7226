import { type ServerEvent, ServerMessage, type Turn } from '@mlsd/protocol';
import WebSocket from 'ws';

/** A frame the client sent and has not seen acknowledged; resent with the same id after a reconnect. */
interface Pending {
  clientId: string;
  frame:
    | { type: 'say'; clientId: string; text: string }
    | { type: 'timer'; action: 'next_step'; clientId: string };
}

export interface ClientStats {
  connects: number;
  acks: number;
  duplicateAcks: number;
  replayed: number;
}

/**
 * What the browser does, scripted: hello with the last seq seen, resend every unacknowledged frame
 * with its client id, reconnect with backoff. It checks the server's promises as it goes: events
 * arrive numbered without gaps or repeats, the transcript and the step timer in every snapshot
 * match what was seen before the server died, an acknowledged id is never applied twice.
 */
export class ScriptedClient {
  readonly sessionId: string;
  readonly token: string;
  readonly #url: string;
  lastSeq = 0;
  /** Numbered events as received, by seq. */
  readonly events = new Map<number, ServerEvent>();
  /** Client ids acknowledged at least once, with the frame that carried them. */
  readonly acked = new Map<string, Pending['frame']>();
  /** Every frame ever sent, by client id. */
  readonly sent = new Map<string, Pending['frame']>();
  readonly violations: string[] = [];
  readonly stats: ClientStats = { connects: 0, acks: 0, duplicateAcks: 0, replayed: 0 };
  #outbox: Pending[] = [];
  #ws: WebSocket | null = null;
  #joined = false;
  #stopped = false;
  #counter = 0;
  #stepMoves = 0;
  #backoffMs = 5;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #step: { id: string; startedAt: number; budgetMs: number } | null = null;
  #turns = new Map<string, Turn>();

  constructor(url: string, session: { id: string; token: string }) {
    this.#url = url;
    this.sessionId = session.id;
    this.token = session.token;
  }

  get joined(): boolean {
    return this.#joined;
  }

  get unacknowledged(): number {
    return this.#outbox.length;
  }

  start(): void {
    this.#stopped = false;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#reconnectTimer);
    this.#ws?.terminate();
    this.#ws = null;
    this.#joined = false;
  }

  /** Queues and sends a new frame when fewer than `maxInFlight` wait for their ack. */
  act(maxInFlight = 3): void {
    if (!this.#joined || this.#outbox.length >= maxInFlight) return;
    this.#counter += 1;
    const clientId = `${this.sessionId.slice(0, 8)}-${this.#counter}`;
    const frame: Pending['frame'] =
      this.#counter % 13 === 0 && this.#stepMoves < 4
        ? { type: 'timer', action: 'next_step', clientId }
        : {
            type: 'say',
            clientId,
            text: `Answer ${this.#counter} (${clientId}): label clicks within 30 minutes as positives, keep naïve baselines first — latency budget 50 ms; 日本語 ✓ 😀`,
          };
    if (frame.type === 'timer') this.#stepMoves += 1;
    this.#outbox.push({ clientId, frame });
    this.sent.set(clientId, frame);
    this.#send(frame);
  }

  #send(frame: unknown): void {
    if (this.#ws?.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify(frame));
  }

  #connect(): void {
    if (this.#stopped) return;
    const ws = new WebSocket(this.#url, { perMessageDeflate: false });
    this.#ws = ws;
    ws.on('open', () => {
      this.stats.connects += 1;
      this.#send({ type: 'hello', roomId: this.sessionId, token: this.token, lastSeq: this.lastSeq });
      // Frames queue behind the hello on the server; resend in the original order, same ids.
      for (const pending of this.#outbox) this.#send(pending.frame);
    });
    ws.on('message', (data: Buffer) => this.#onMessage(data.toString('utf8')));
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.#ws === ws) {
        this.#ws = null;
        this.#joined = false;
      }
      if (this.#stopped) return;
      this.#reconnectTimer = setTimeout(() => this.#connect(), this.#backoffMs * (0.5 + Math.random()));
      // Short: a refused connection on loopback costs nothing, and a kill cycle lasts a second or so.
      this.#backoffMs = Math.min(this.#backoffMs * 2, 50);
    });
  }

  #violation(message: string): void {
    if (this.violations.length < 50) this.violations.push(`${this.sessionId.slice(0, 8)}: ${message}`);
  }

  #onMessage(raw: string): void {
    const parsed = ServerMessage.safeParse(JSON.parse(raw));
    if (!parsed.success) {
      this.#violation(`message outside the protocol: ${raw.slice(0, 200)}`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'snapshot':
        this.#onSnapshot(message);
        return;
      case 'ack': {
        const index = this.#outbox.findIndex((pending) => pending.clientId === message.clientId);
        const frame = this.sent.get(message.clientId);
        if (!frame) this.#violation(`ack for an id never sent: ${message.clientId}`);
        else if (!message.duplicate && this.acked.has(message.clientId)) {
          this.#violation(`${message.clientId} acknowledged as new twice`);
        } else this.acked.set(message.clientId, frame);
        if (index >= 0) this.#outbox.splice(index, 1);
        this.stats.acks += 1;
        if (message.duplicate) this.stats.duplicateAcks += 1;
        return;
      }
      case 'error':
        this.#violation(`error ${message.code}: ${message.message}`);
        return;
      case 'turn_delta':
      case 'turn_discard':
        return; // streamed drafts of the model interviewer: never numbered, never stored
      case 'turn':
      case 'step':
      case 'warning':
      case 'ended':
        this.#onEvent(message);
        return;
      default:
        return; // room state (presence, clock) that is not numbered
    }
  }

  #onSnapshot(snapshot: Extract<ServerMessage, { type: 'snapshot' }>): void {
    this.#joined = true;
    this.#backoffMs = 5;
    if (snapshot.lastSeq < this.lastSeq) {
      this.#violation(
        `snapshot lastSeq ${snapshot.lastSeq} is behind the ${this.lastSeq} already seen: events were lost`,
      );
    }
    this.stats.replayed += snapshot.lastSeq - this.lastSeq;
    for (const [id, seen] of this.#turns) {
      const now = snapshot.transcript[Number(id)];
      if (!now || now.text !== seen.text || now.role !== seen.role || now.clientId !== seen.clientId) {
        this.#violation(`turn ${id} changed or vanished after a restart`);
      }
    }
    // Nothing missed: the step and its timer must be exactly what was seen before the reconnect.
    if (snapshot.lastSeq === this.lastSeq && this.#step) {
      const { id, startedAt, budgetMs } = this.#step;
      if (
        snapshot.clock!.currentStep !== id ||
        snapshot.clock!.stepStartedAt !== startedAt ||
        snapshot.clock!.stepBudgetMs !== budgetMs
      ) {
        this.#violation(
          `timer moved across a reconnect: ${id}@${startedAt}+${budgetMs} became ${snapshot.clock!.currentStep}@${snapshot.clock!.stepStartedAt}+${snapshot.clock!.stepBudgetMs}`,
        );
      }
    }
    // The snapshot holds every event up to its lastSeq; only later ones follow (nothing is replayed).
    this.lastSeq = Math.max(this.lastSeq, snapshot.lastSeq);
    for (const turn of snapshot.transcript) this.#turns.set(turn.id, turn);
    this.#step = {
      id: snapshot.clock!.currentStep,
      startedAt: snapshot.clock!.stepStartedAt,
      budgetMs: snapshot.clock!.stepBudgetMs,
    };
  }

  #onEvent(event: ServerEvent): void {
    if (event.seq <= this.lastSeq) {
      this.#violation(`event ${event.seq} arrived again (last seen ${this.lastSeq})`);
      return;
    }
    if (event.seq !== this.lastSeq + 1) this.#violation(`gap: event ${event.seq} after ${this.lastSeq}`);
    this.lastSeq = event.seq;
    this.events.set(event.seq, event);
    if (event.type === 'turn') this.#turns.set(event.turn.id, event.turn);
    if (event.type === 'step')
      this.#step = { id: event.step, startedAt: event.startedAt, budgetMs: event.budgetMs };
  }
}
