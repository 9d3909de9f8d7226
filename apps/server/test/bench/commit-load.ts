import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSessionResponse, ServerMessage } from '@mlsd/protocol';
import WebSocket from 'ws';
import { buildApp } from '../../src/app.ts';
import { REPO_ROOT } from '../helpers.ts';
import { percentile } from './stats.ts';

/**
 * Per-turn cost of committing to SQLite: the real app in this process (real rubrics, a SQLite file
 * with WAL and synchronous=FULL, the offline interviewer), sessions driven over a real socket, one
 * answer at a time. Turn time runs from sending the answer to receiving the interviewer's reply;
 * commit time is the time spent inside SessionStore.commit during that turn (the candidate's turn
 * and the interviewer's reply are two transactions). Statements prepared during the turns are
 * counted: the hot path should prepare none.
 */
export interface CommitFigures {
  turns: number;
  turnP50: number;
  turnP99: number;
  commitP50: number;
  commitP99: number;
  /** Sum of commit time over sum of turn time. */
  share: number;
  commitsPerTurn: number;
  preparedDuringTurns: number;
}

const ANSWERS = [
  'The business goal is revenue without hurting retention; I would ask about daily active users and the latency budget.',
  'I would frame it as binary classification of click versus no click, calibrated so the auction can use the probability.',
  'Labels come from impressions joined with clicks within a 30 minute window; negatives are downsampled and reweighted.',
  'A logistic regression baseline with hashed cross features first, then a two-tower or DCN model if it pays off.',
  'Offline I would use log loss and AUC, calibration plots, then an A/B test on revenue per mille and retention guardrails.',
  'Serving: candidate generation, a light ranker, then the heavy ranker within 50 ms, features from an online store.',
  'Monitoring: feature drift, calibration drift, data freshness, and daily retraining with alerts on click rate drops.',
];

export async function measureCommits(sessions: number, turnsPerSession: number): Promise<CommitFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-commit-'));
  const app = await buildApp({ db: join(dir, 'mlsd.sqlite'), rubricsDir: join(REPO_ROOT, 'rubrics') });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const store = app.db.sessions;
    const commit = store.commit.bind(store);
    let commitMs = 0;
    let commits = 0;
    store.commit = (id, change) => {
      const started = performance.now();
      try {
        return commit(id, change);
      } finally {
        commitMs += performance.now() - started;
        commits += 1;
      }
    };
    const sqlite = app.db.sqlite;
    const prepare = sqlite.prepare.bind(sqlite);
    let prepared = 0;
    sqlite.prepare = ((source: string) => {
      prepared += 1;
      return prepare(source);
    }) as typeof sqlite.prepare;

    const caseId = app.rubrics.caseSummaries()[0]?.id ?? '';
    const turnMs: number[] = [];
    const turnCommitMs: number[] = [];
    let totalCommits = 0;
    let preparedDuringTurns = 0;
    for (let s = 0; s < sessions; s++) {
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
      await new Promise((resolve) => ws.once('open', resolve));
      const next = async (match: (m: ServerMessage) => boolean) => {
        for (;;) {
          const index = inbox.findIndex(match);
          if (index >= 0) return inbox.splice(0, index + 1).at(-1);
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      };
      ws.send(JSON.stringify({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 1e9 }));
      await next((m) => m.type === 'snapshot');
      for (let t = 0; t < turnsPerSession; t++) {
        const clientId = `s${s}-t${t}`;
        const text = `${ANSWERS[t % ANSWERS.length]} (${t})`;
        commitMs = 0;
        commits = 0;
        const preparedBefore = prepared;
        const started = performance.now();
        ws.send(JSON.stringify({ type: 'say', clientId, text }));
        await next((m) => m.type === 'turn' && m.turn.role === 'interviewer');
        turnMs.push(performance.now() - started);
        turnCommitMs.push(commitMs);
        totalCommits += commits;
        preparedDuringTurns += prepared - preparedBefore;
      }
      ws.close();
    }
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    return {
      turns: turnMs.length,
      turnP50: percentile(turnMs, 50),
      turnP99: percentile(turnMs, 99),
      commitP50: percentile(turnCommitMs, 50),
      commitP99: percentile(turnCommitMs, 99),
      share: sum(turnCommitMs) / sum(turnMs),
      commitsPerTurn: totalCommits / turnMs.length,
      preparedDuringTurns,
    };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
