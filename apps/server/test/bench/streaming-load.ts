import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { percentile } from './stats.ts';

/**
 * The streaming benchmark's driver: N browser-like sockets each ask for one model reply at the
 * same moment, and every token is stamped where it is produced (the fake model, or the bare
 * server's timer) and where the browser receives it. All processes share one machine and one
 * clock (performance.timeOrigin + now()). Tokens are matched by character offset, so a server
 * that merges or splits deltas is measured fairly.
 *
 * Targets: `server`, the real app (model interviewer, SQLite, offline matcher) with a candidate
 * answer that the model replies to; `relay`, the bare relay path (Fastify + @fastify/websocket +
 * the project's LLM client); `bare`, a plain ws server emitting the same tokens from timers.
 */
export type Target = 'server' | 'server-normal' | 'relay' | 'bare';

export interface StreamingOptions {
  firstTokenMs: number;
  chunkMs: number;
  chunks: number;
  /** Write a CPU profile of the measured server process into this directory. */
  profileDir?: string;
  /** Spread the requests uniformly over this many ms instead of sending them all at once. */
  spreadMs?: number;
  /** The server's `MLSD_READ_WORKERS` (`auto`: as `pnpm start`); unset: answers read on its main thread. */
  readWorkers?: string;
}

export interface StreamingFigures {
  target: Target;
  sessions: number;
  streams: number;
  /** Model first-token time as the model saw it (request arrival to first content write), p50. */
  modelFirstTokenMs: number;
  /** Everything else between the browser's request and its first token, p50 and p99. */
  addedFirstTokenP50: number;
  addedFirstTokenP99: number;
  /** Token written by the producer to token received by the browser, over all tokens. */
  lagP50: number;
  lagP99: number;
  lagMax: number;
  /** Browser's request to the server handing its model request to fetch: our own work first (p50, p99). */
  ownWorkP50: number;
  ownWorkP99: number;
  /** From fetch to the model reading the request: transit and the model server's own queue (p50, p99). */
  transitP50: number;
  transitP99: number;
  /** Model's first content write to the browser's first token: relaying and any hold-back (p50, p99). */
  afterModelP50: number;
  afterModelP99: number;
  /**
   * Of that, the model writing a header the browser never sees (a reply that chooses its move):
   * first content write to first shown character's write, p50 and p99 (0 without a header).
   */
  headerP50: number;
  headerP99: number;
  failed: number;
  /** Why streams failed, by reason. */
  failures: Record<string, number>;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));
const now = () => performance.timeOrigin + performance.now();

interface Dump {
  type: 'dump';
  /** `hidden`: characters at the start of the reply the server never shows (a move header). */
  streams: { id: string; at: number; emitted: number[]; hidden?: number }[];
}

/** A benchmark child process (a server or a model) driven over IPC. */
export class Child {
  readonly process: ChildProcess;
  #waiters: ((message: { type: string }) => void)[] = [];

  constructor(file: string, args: string[], extraNodeArgs: string[] = [], env?: NodeJS.ProcessEnv) {
    this.process = fork(`${HERE}${file}`, args, {
      cwd: SERVER_DIR,
      execArgv: ['--import', 'tsx', ...extraNodeArgs],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      ...(env ? { env } : {}),
    });
    this.process.on('message', (message: { type: string }) => {
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const wake of waiters) wake(message);
    });
  }

  next<T extends { type: string }>(): Promise<T> {
    return new Promise((resolve) => this.#waiters.push((message) => resolve(message as T)));
  }

  async request<T extends { type: string }>(message: string | object): Promise<T> {
    const reply = this.next<T>();
    this.process.send(message);
    return reply;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.send('stop');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** One socket's view of the stream it asked for. */
interface Stream {
  id: string;
  start: number;
  /** Each delta's arrival and the character offset where it ends. */
  deltas: { at: number; end: number }[];
  chars: number;
  done: boolean;
  failed: boolean;
  why?: string;
  /** The server has published our answer (server targets). */
  answered?: boolean;
}

class Browser {
  readonly ws: WebSocket;
  stream: Stream | null = null;
  snapshot = false;

  constructor(port: number, target: Target) {
    const isServer = target === 'server' || target === 'server-normal';
    this.ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { perMessageDeflate: false });
    this.ws.on('message', (data: Buffer) => {
      const at = now();
      const message = JSON.parse(data.toString('utf8')) as {
        type: string;
        text?: string;
        turn?: { role: string; clientId?: string };
        code?: string;
        reason?: string;
      };
      if (message.type === 'snapshot') this.snapshot = true;
      const stream = this.stream;
      if (!stream || stream.done || stream.failed) return;
      if (isServer && message.type === 'turn' && message.turn?.clientId === stream.id) {
        // Our answer is stored; what streams from now on is the reply to it.
        stream.answered = true;
        return;
      }
      if (isServer && !stream.answered) return;
      if (message.type === (isServer ? 'turn_delta' : 'delta')) {
        stream.chars += message.text?.length ?? 0;
        stream.deltas.push({ at, end: stream.chars });
      } else if (
        isServer ? message.type === 'turn' && message.turn?.role === 'interviewer' : message.type === 'done'
      ) {
        // A reply that never streamed fell back to the offline interviewer: not a model stream.
        if (stream.deltas.length > 0 || !isServer) stream.done = true;
        else {
          stream.failed = true;
          stream.why = 'reply without a stream';
        }
      } else if (message.type === 'failed' || message.type === 'turn_discard' || message.type === 'error') {
        stream.failed = true;
        stream.why = `${message.type} ${message.code ?? message.reason ?? ''}`.trim();
      }
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.on('error', reject);
    });
  }

  ask(id: string, target: Target): void {
    this.stream = { id, start: now(), deltas: [], chars: 0, done: false, failed: false };
    const frame =
      target === 'server' || target === 'server-normal'
        ? {
            type: 'say',
            clientId: id,
            text: `I would log impressions and clicks, label a click within 30 minutes as positive [bench-${id}]`,
          }
        : { type: 'start', id };
    this.ws.send(JSON.stringify(frame));
  }
}

async function openBrowsers(port: number, count: number, target: Target): Promise<Browser[]> {
  const browsers: Browser[] = [];
  for (let opened = 0; opened < count; opened += 50) {
    const batch = Array.from({ length: Math.min(50, count - opened) }, () => new Browser(port, target));
    await Promise.all(batch.map((browser) => browser.opened()));
    browsers.push(...batch);
  }
  return browsers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `rounds` rounds of `sessions` simultaneous streams against one target. */
export async function measureStreaming(
  target: Target,
  sessions: number,
  rounds: number,
  options: StreamingOptions,
): Promise<StreamingFigures> {
  const timing = [String(options.firstTokenMs), String(options.chunkMs), String(options.chunks)];
  const isServer = target === 'server' || target === 'server-normal';
  const model =
    target === 'bare' ? null : new Child('streaming-model.ts', [...timing, isServer ? 'server' : 'relay']);
  const modelReady = model ? await model.next<{ type: 'ready'; url: string }>() : null;
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const env = options.readWorkers ? { ...process.env, MLSD_READ_WORKERS: options.readWorkers } : undefined;
  const server =
    target === 'server'
      ? new Child('streaming-server.ts', [modelReady?.url ?? '', 'full'], profile, env)
      : target === 'server-normal'
        ? new Child('streaming-server.ts', [modelReady?.url ?? '', 'normal'], profile)
        : new Child('streaming-relay.ts', [target, modelReady?.url ?? '', ...timing], profile);
  const { port } = await server.next<{ type: 'ready'; port: number }>();
  const producer = model ?? server;
  const browsers = await openBrowsers(port, sessions, target);
  const added: number[] = [];
  const modelFirst: number[] = [];
  const ownWork: number[] = [];
  const transit: number[] = [];
  const afterModel: number[] = [];
  const header: number[] = [];
  const lags: number[] = [];
  let failed = 0;
  const failures: Record<string, number> = {};
  const fail = (why: string) => {
    failed += 1;
    failures[why] = (failures[why] ?? 0) + 1;
  };
  try {
    if (isServer) {
      const { sessions: created } = await server.request<{
        type: 'created';
        sessions: { id: string; token: string }[];
      }>({ type: 'create', count: sessions });
      browsers.forEach((browser, index) => {
        const session = created[index];
        browser.ws.send(
          JSON.stringify({ type: 'hello', roomId: session?.id, token: session?.token, lastSeq: 0 }),
        );
      });
      while (browsers.some((browser) => !browser.snapshot)) await sleep(20);
      // Let the model's openings finish streaming before the measured rounds.
      await sleep(options.firstTokenMs + options.chunks * options.chunkMs + 2_000);
    }
    // Round 0 warms up (compiled code, connection pools) and is not counted.
    for (let round = 0; round <= rounds; round++) {
      if (model) await model.request('reset');
      await sleep(300);
      const spread = options.spreadMs ?? 0;
      browsers.forEach((browser, index) => {
        const ask = () => browser.ask(`r${round}-s${index}`, target);
        if (spread > 0) setTimeout(ask, Math.random() * spread);
        else ask();
      });
      if (spread > 0) await sleep(spread + 10);
      const deadline = Date.now() + 120_000;
      while (browsers.some((b) => b.stream && !b.stream.done && !b.stream.failed) && Date.now() < deadline) {
        await sleep(20);
      }
      const dump = await producer.request<Dump>('dump');
      const sent = model
        ? (await server.request<{ type: 'sent'; stamps: Record<string, number> }>('sent')).stamps
        : {};
      const byId = new Map(
        dump.streams.filter((stream) => stream.id !== '').map((stream) => [stream.id, stream]),
      );
      if (round === 0) continue;
      for (const browser of browsers) {
        const stream = browser.stream;
        const produced = stream ? byId.get(stream.id) : undefined;
        const firstAt = stream?.deltas[0]?.at;
        const modelFirstAt = produced?.emitted[0];
        if (!stream?.done || !produced || firstAt === undefined || modelFirstAt === undefined) {
          fail(stream?.why ?? (!stream?.done ? 'unfinished' : !produced ? 'model never asked' : 'no token'));
          continue;
        }
        const modelMs = modelFirstAt - produced.at;
        modelFirst.push(modelMs);
        added.push(firstAt - stream.start - modelMs);
        // The bare server is its own model: its work before "asking" is the timer's start.
        const sentAt = model ? sent[stream.id] : produced.at;
        if (sentAt !== undefined) {
          ownWork.push(sentAt - stream.start);
          transit.push(produced.at - sentAt);
        }
        afterModel.push(firstAt - modelFirstAt);
        // Chunk i carries characters [4i, 4i + 4) of the reply; the first `hidden` are a header the
        // browser never gets, so a shown chunk arrived with the first delta reaching past 4i - hidden.
        const hidden = produced.hidden ?? 0;
        const firstShown = Math.floor(hidden / 4);
        header.push((produced.emitted[firstShown] ?? modelFirstAt) - modelFirstAt);
        produced.emitted.forEach((at, index) => {
          if (index < firstShown) return;
          const arrival = stream.deltas.find((delta) => delta.end > index * 4 - hidden);
          if (arrival) lags.push(arrival.at - at);
        });
      }
    }
  } finally {
    for (const browser of browsers) browser.ws.terminate();
    await server.stop();
    await model?.stop();
  }
  return {
    target,
    sessions,
    streams: added.length,
    modelFirstTokenMs: percentile(modelFirst, 50),
    addedFirstTokenP50: percentile(added, 50),
    addedFirstTokenP99: percentile(added, 99),
    lagP50: percentile(lags, 50),
    lagP99: percentile(lags, 99),
    lagMax: lags.length > 0 ? Math.max(...lags) : Number.NaN,
    ownWorkP50: percentile(ownWork, 50),
    ownWorkP99: percentile(ownWork, 99),
    transitP50: percentile(transit, 50),
    transitP99: percentile(transit, 99),
    afterModelP50: percentile(afterModel, 50),
    afterModelP99: percentile(afterModel, 99),
    headerP50: percentile(header, 50),
    headerP99: percentile(header, 99),
    failed,
    failures,
  };
}
