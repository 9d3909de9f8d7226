import { CreatePeerRoomResponse, ServerMessage } from '@mlsd/protocol';
import WebSocket from 'ws';

type Message = ServerMessage;

/** A real `ws` client on /ws that keeps every raw frame (for leak checks) and the parsed messages. */
export class PeerSocket {
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
      if (!parsed.success) throw new Error(`server sent a frame outside the peer protocol: ${text}`);
      this.received.push(parsed.data);
      for (const wake of this.#waiters) wake();
    });
  }

  static async open(url: string): Promise<PeerSocket> {
    const ws = new WebSocket(url);
    const socket = new PeerSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  async next<T extends Message['type']>(type: T, timeoutMs = 5_000): Promise<Extract<Message, { type: T }>> {
    const found = await this.waitFor((m) => m.type === type, timeoutMs, `a "${type}" frame`);
    return found as Extract<Message, { type: T }>;
  }

  async waitFor(
    predicate: (m: Message) => boolean,
    timeoutMs = 5_000,
    what = 'a matching frame',
  ): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.#cursor < this.received.length) {
        const message = this.received[this.#cursor++]!;
        if (predicate(message)) return message;
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.ws.readyState === WebSocket.CLOSED) {
        throw new Error(
          `timed out waiting for ${what}; got [${this.received.map((m) => m.type).join(', ')}]`,
        );
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

  /** Frames received so far of `type`. */
  all<T extends Message['type']>(type: T): Extract<Message, { type: T }>[] {
    return this.received.filter((m): m is Extract<Message, { type: T }> => m.type === type);
  }

  skipAll(): void {
    this.#cursor = this.received.length;
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}

/** `POST /api/peer/rooms` with the body given; fails the test unless it is a 201. */
export async function createRoom(baseUrl: string, body: object): Promise<CreatePeerRoomResponse> {
  const response = await fetch(`${baseUrl}/api/peer/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`room not created: ${response.status} ${await response.text()}`);
  return CreatePeerRoomResponse.parse(await response.json());
}

/** The peer socket URL of a server whose `wsUrl` is ws://host/ws. */
/** Every room, solo or peer, is on the one socket endpoint. */
export function peerSocketUrl(wsUrl: string): string {
  return wsUrl;
}

/** True when `canary` appears in `text` raw, JSON-escaped, percent-encoded or base64-encoded at any alignment. */
export function containsCanary(text: string, canary: string): boolean {
  const forms = new Set<string>([canary, JSON.stringify(canary).slice(1, -1), encodeURIComponent(canary)]);
  for (const pad of ['', 'x', 'xy']) {
    const encoded = Buffer.from(pad + canary, 'utf8').toString('base64');
    // Drop the characters that mix the padding or the unknown next byte in.
    const start = pad.length === 0 ? 0 : pad.length + 1;
    const core = encoded.slice(start, encoded.length - 4);
    if (core.length >= 8) {
      forms.add(core);
      forms.add(core.replaceAll('+', '-').replaceAll('/', '_'));
    }
  }
  const lower = text.toLowerCase();
  for (const form of forms) {
    if (text.includes(form) || lower.includes(form.toLowerCase())) return true;
  }
  return false;
}
