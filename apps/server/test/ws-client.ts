import { ServerMessage } from '@mlsd/protocol';
import WebSocket from 'ws';

type Message = ServerMessage;

/**
 * A real `ws` client on /ws, for any seat of any room: it keeps every raw frame (for leak checks)
 * and the parsed messages, and waits for the ones a test expects.
 */
export class TestSocket {
  readonly ws: WebSocket;
  readonly raw: string[] = [];
  readonly received: Message[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #cursor = 0;
  #waiters = new Set<() => void>();

  private constructor(ws: WebSocket) {
    this.ws = ws;
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.#waiters) wake();
      });
    });
    ws.on('message', (data) => {
      const text = data.toString();
      this.raw.push(text);
      const parsed = ServerMessage.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`server sent a message outside the protocol: ${text}`);
      this.received.push(parsed.data);
      for (const wake of this.#waiters) wake();
    });
  }

  static async open(url: string, options?: WebSocket.ClientOptions): Promise<TestSocket> {
    const ws = new WebSocket(url, options);
    const socket = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next unread message of `type` (skipping others), or a timeout error listing what came. */
  async next<T extends Message['type']>(type: T, timeoutMs = 5_000): Promise<Extract<Message, { type: T }>> {
    const found = await this.waitFor((message) => message.type === type, timeoutMs, `a "${type}" message`);
    return found as Extract<Message, { type: T }>;
  }

  /** Waits for the next unread message matching `predicate`; earlier unread ones are skipped. */
  async waitFor(
    predicate: (message: Message) => boolean,
    timeoutMs = 5_000,
    what = 'a matching message',
  ): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.#cursor < this.received.length) {
        const message = this.received[this.#cursor++]!;
        if (predicate(message)) return message;
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.ws.readyState === WebSocket.CLOSED) {
        const seen = this.received.map((m) => m.type).join(', ');
        throw new Error(`timed out waiting for ${what}; received so far: [${seen}]`);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.#waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.#waiters.add(wake);
      });
    }
  }

  /** Every message received from now on is unread; messages before are skipped. */
  skipAll(): void {
    this.#cursor = this.received.length;
  }

  /** Frames received so far of `type`. */
  all<T extends Message['type']>(type: T): Extract<Message, { type: T }>[] {
    return this.received.filter((m): m is Extract<Message, { type: T }> => m.type === type);
  }

  /** The numbered events received so far. */
  events(): Extract<Message, { seq: number }>[] {
    return this.received.filter((m): m is Extract<Message, { seq: number }> => 'seq' in m);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}
