import WebSocket from 'ws';

/** Longest wait for the interviewer's reply before an answer counts as failed. */
const REPLY_TIMEOUT_MS = 60_000;

/** A browser tab of the load benches: one websocket that answers and times the interviewer's reply. */
export class AnsweringBrowser {
  readonly ws: WebSocket;
  snapshot = false;
  ended = false;
  #pending: ((ms: number) => void) | null = null;
  #sentAt = 0;

  /** `headers` lets a bench speak for another client address (`x-forwarded-for`). */
  constructor(wsUrl: string, headers: Record<string, string> = {}) {
    this.ws = new WebSocket(wsUrl, { perMessageDeflate: false, headers });
    this.ws.on('message', (data: Buffer) => {
      const at = performance.now();
      const message = JSON.parse(data.toString('utf8')) as { type: string; turn?: { role: string } };
      if (message.type === 'snapshot') this.snapshot = true;
      if (message.type === 'ended') this.ended = true;
      // An answer the server refused (or an interview that ended) gets no reply: it counts as failed.
      if (message.type === 'error' || message.type === 'ended') this.#settle(Number.NaN);
      if (message.type === 'turn' && message.turn?.role === 'interviewer') this.#settle(at - this.#sentAt);
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
  }

  /** Sends one answer; resolves with the ms until the interviewer's reply (NaN when none came). */
  answer(clientId: string, text: string): Promise<number> {
    if (this.ended) return Promise.resolve(Number.NaN);
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#settle(Number.NaN), REPLY_TIMEOUT_MS);
      this.#pending = (ms) => {
        clearTimeout(timer);
        resolve(ms);
      };
      this.#sentAt = performance.now();
      this.ws.send(JSON.stringify({ type: 'say', clientId, text }));
    });
  }

  #settle(ms: number): void {
    const pending = this.#pending;
    this.#pending = null;
    pending?.(ms);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A candidate's answer as only this session says it: every sentence carries the session and the
 * answer, so nothing a server remembers about a text read before (the reader's memos) is reused
 * across sessions, as it would not be between real candidates.
 */
function ownWords(text: string, session: number, round: number): string {
  const mark = ` [session ${session}, answer ${round}]`;
  return `${text.replace(/([.?!])(\s)/g, `${mark}$1$2`)}${mark}`;
}

/**
 * One round: every browser answers once, at a random moment within `spreadMs`; the reply times
 * (NaN for a failed answer) in browser order.
 */
export function answerRound(
  browsers: readonly AnsweringBrowser[],
  round: number,
  texts: readonly string[],
  spreadMs: number,
): Promise<number[]> {
  return Promise.all(
    browsers.map(async (browser, index) => {
      await sleep(Math.random() * spreadMs);
      const text = ownWords(texts[round % texts.length] ?? '', index, round);
      return browser.answer(`r${round}-s${index}`, text);
    }),
  );
}
