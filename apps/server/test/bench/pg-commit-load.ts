import { join } from 'node:path';
import { CreateSessionResponse, ServerMessage } from '@mlsd/protocol';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { buildApp } from '../../src/app.ts';
import { REPO_ROOT } from '../helpers.ts';
import { percentile } from './stats.ts';

/**
 * The turn-and-commit load behind bench/pg-commit.bench.ts, the same on every backend: the real
 * app in this process on a SQLite path or a postgres:// URL (real rubrics, the offline
 * interviewer, group commits off so that each commit is timed whole), solo sessions driven over
 * a real socket one answer at a time. Turn time runs from sending the answer to the interviewer's
 * reply; commit time is the time the room waits on the store's `commit` during that turn.
 */

const ANSWERS = [
  'The business goal is revenue without hurting retention; I would ask about daily active users and the latency budget.',
  'I would frame it as binary classification of click versus no click, calibrated so the auction can use the probability.',
  'Labels come from impressions joined with clicks within a 30 minute window; negatives are downsampled and reweighted.',
  'A logistic regression baseline with hashed cross features first, then a two-tower or DCN model if it pays off.',
  'Offline I would use log loss and AUC, calibration plots, then an A/B test on revenue per mille and retention guardrails.',
  'Serving: candidate generation, a light ranker, then the heavy ranker within 50 ms, features from an online store.',
  'Monitoring: feature drift, calibration drift, data freshness, and daily retraining with alerts on click rate drops.',
];

export interface BackendFigures {
  backend: string;
  turns: number;
  turnP50: number;
  turnP99: number;
  commitP50: number;
  commitP99: number;
  commitsPerTurn: number;
  /** Sum of commit time over sum of turn time. */
  share: number;
}

/** One backend: a fresh app on `location` (a SQLite path or a postgres:// URL), then the turns. */
export async function measureBackend(
  backend: string,
  location: string,
  sessions: number,
  turnsPerSession: number,
): Promise<BackendFigures> {
  const app = await buildApp({ db: location, rubricsDir: join(REPO_ROOT, 'rubrics'), groupCommits: false });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const timer = timeCommits(app);
    const turnMs: number[] = [];
    const turnCommitMs: number[] = [];
    let commits = 0;
    for (let s = 0; s < sessions; s++) {
      const socket = await joinNewSession(app);
      try {
        for (let t = 0; t < turnsPerSession; t++) {
          timer.reset();
          const started = performance.now();
          socket.send({
            type: 'say',
            clientId: `s${s}-t${t}`,
            text: `${ANSWERS[t % ANSWERS.length]} (${t})`,
          });
          await socket.next((m) => m.type === 'turn' && m.turn.role === 'interviewer');
          turnMs.push(performance.now() - started);
          turnCommitMs.push(timer.ms);
          commits += timer.count;
        }
      } finally {
        socket.close();
      }
    }
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    return {
      backend,
      turns: turnMs.length,
      turnP50: percentile(turnMs, 50),
      turnP99: percentile(turnMs, 99),
      commitP50: percentile(turnCommitMs, 50),
      commitP99: percentile(turnCommitMs, 99),
      commitsPerTurn: commits / turnMs.length,
      share: sum(turnCommitMs) / sum(turnMs),
    };
  } finally {
    await app.close();
  }
}

/**
 * Wraps the solo store's commit, where the rooms call it: on SQLite the synchronous store under
 * `asyncDb` (its Proxy looks the method up on every call), on PostgreSQL the store itself.
 */
function timeCommits(app: FastifyInstance): { reset(): void; readonly ms: number; readonly count: number } {
  const store = app.store.file === null ? app.store.sessions : app.db.sessions;
  const commit = store.commit.bind(store) as (...args: unknown[]) => unknown;
  let ms = 0;
  let count = 0;
  const timed = (...args: unknown[]) => {
    const started = performance.now();
    const done = () => {
      ms += performance.now() - started;
      count += 1;
    };
    const result = commit(...args);
    if (result instanceof Promise) return result.finally(done);
    done();
    return result;
  };
  (store as { commit: unknown }).commit = timed;
  return {
    reset() {
      ms = 0;
      count = 0;
    },
    get ms() {
      return ms;
    },
    get count() {
      return count;
    },
  };
}

interface BenchSocket {
  send(frame: unknown): void;
  next(match: (message: ServerMessage) => boolean): Promise<ServerMessage>;
  close(): void;
}

/** A new solo session on the real app, joined over a real socket (no replay: lastSeq far ahead). */
async function joinNewSession(app: FastifyInstance): Promise<BenchSocket> {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const caseId = app.rubrics.caseSummaries()[0]?.id ?? '';
  const response = await app.inject({
    method: 'POST',
    url: '/api/sessions',
    payload: { caseId, durationMinutes: 60 },
  });
  const session = CreateSessionResponse.parse(response.json());
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { perMessageDeflate: false });
  const inbox: ServerMessage[] = [];
  let wake: (() => void) | null = null;
  ws.on('message', (data: Buffer) => {
    inbox.push(ServerMessage.parse(JSON.parse(data.toString('utf8'))));
    wake?.();
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const socket: BenchSocket = {
    send: (frame) => ws.send(JSON.stringify(frame)),
    async next(match) {
      for (;;) {
        const index = inbox.findIndex(match);
        const found = index >= 0 ? inbox.splice(0, index + 1).at(-1) : undefined;
        if (found) return found;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
    close: () => ws.close(),
  };
  socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 1e9 });
  await socket.next((m) => m.type === 'snapshot');
  return socket;
}
