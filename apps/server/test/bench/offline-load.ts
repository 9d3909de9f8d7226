import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadWorkersSetting } from '../../src/reading-pool/on-demand.ts';
import { REPO_ROOT } from '../helpers.ts';
import { AnsweringBrowser, answerRound, sleep } from './answering-browser.ts';
import { percentile } from './stats.ts';
import { Child } from './streaming-load.ts';

/**
 * The offline-answers benchmark's driver: N browser-like sockets on the real app (offline
 * interviewer, SQLite), each answering in rounds. In a round every session sends one answer at a
 * uniformly random moment within `spreadMs`, then waits for the interviewer's reply; a round ends
 * when every reply is in. Reply time runs from sending the answer to receiving the reply turn.
 * `warmRounds` rounds go first and are not measured (a full interview's transcript is built that
 * way). The server reports its CPU time (every thread of the process), event-loop delay and the
 * main thread's busy share over the measured rounds.
 */
export interface OfflineOptions {
  sessions: number;
  warmRounds: number;
  rounds: number;
  spreadMs: number;
  /** Passed to the server as MLSD_READ_WORKERS. */
  readWorkers: ReadWorkersSetting;
  /** Group the commits of one event-loop turn (the app's default); false commits each alone. */
  groupCommits: boolean;
  /** With grouped commits: fsync the log off the main thread (the app's default) or in the COMMIT. */
  syncOffThread?: boolean;
  /**
   * Let a started reading pool warm up before any session answers (an on-demand worker then starts
   * as if the sessions had arrived over a few seconds); default: the sessions answer at once.
   */
  warmBeforeAnswers?: boolean;
  /** Write a CPU profile of the server's main thread into this directory. */
  profileDir?: string;
}

export interface OfflineFigures {
  sessions: number;
  readWorkers: ReadWorkersSetting;
  answers: number;
  replyP50: number;
  replyP99: number;
  replyMax: number;
  cpuPerAnswerMs: number;
  delayP99Ms: number;
  delayMaxMs: number;
  mainBusy: number;
  /** Session commits per SQLite transaction (1 when not grouped). */
  commitsPerGroup: number;
  /** Readings the workers returned over the whole run, warm-up rounds too (0: the main thread read all). */
  pooledTasks: number;
  groupCommits: boolean;
  syncOffThread: boolean;
  failed: number;
}

interface ServerFigures {
  type: 'figures';
  cpuMs: number;
  wallMs: number;
  delayP99Ms: number;
  delayMaxMs: number;
  mainBusy: number;
  pooledTasks: number;
  commitGroups: { groups: number; commits: number; largest: number } | null;
}

/** Candidate answers of a strong ad click-prediction interview, in order, looped. */
function answers(): string[] {
  const file = JSON.parse(
    readFileSync(join(REPO_ROOT, 'calibration/ad-click-prediction/strong.json'), 'utf8'),
  ) as { turns: { role: string; text: string }[] };
  return file.turns.filter((turn) => turn.role === 'candidate').map((turn) => turn.text);
}

/** Runs the offline-answers load against a fresh server process and returns its figures. */
export async function measureOfflineAnswers(options: OfflineOptions): Promise<OfflineFigures> {
  const texts = answers();
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const server = new Child('offline-server.ts', [], profile, {
    ...process.env,
    MLSD_READ_WORKERS: String(options.readWorkers),
    MLSD_BENCH_GROUP_COMMITS: options.groupCommits ? '1' : '0',
    MLSD_BENCH_SYNC_OFF_THREAD: options.syncOffThread === false ? '0' : '1',
    MLSD_BENCH_WARM_BEFORE_ANSWERS: options.warmBeforeAnswers ? '1' : '0',
  });
  const { port } = await server.next<{ type: 'ready'; port: number }>();
  const browsers: AnsweringBrowser[] = [];
  const replies: number[] = [];
  let failed = 0;
  try {
    const { sessions } = await server.request<{
      type: 'created';
      sessions: { id: string; token: string }[];
    }>({ type: 'create', count: options.sessions });
    for (let opened = 0; opened < sessions.length; opened += 50) {
      const batch = sessions
        .slice(opened, opened + 50)
        .map(() => new AnsweringBrowser(`ws://127.0.0.1:${port}/ws`));
      await Promise.all(batch.map((browser) => browser.opened()));
      browsers.push(...batch);
    }
    browsers.forEach((browser, index) => {
      const session = sessions[index];
      browser.ws.send(
        JSON.stringify({ type: 'hello', roomId: session?.id, token: session?.token, lastSeq: 0 }),
      );
    });
    while (browsers.some((browser) => !browser.snapshot)) await sleep(20);
    const total = options.warmRounds + options.rounds;
    for (let round = 0; round < total; round++) {
      const measured = round >= options.warmRounds;
      if (round === options.warmRounds) await server.request({ type: 'mark' });
      // Warm-up rounds build the transcripts quickly; measured rounds spread as configured.
      const spread = measured ? options.spreadMs : Math.min(options.spreadMs, 1_000);
      const times = await answerRound(browsers, round, texts, spread);
      if (!measured) continue;
      for (const ms of times) {
        if (Number.isNaN(ms)) failed += 1;
        else replies.push(ms);
      }
    }
    const figures = await server.request<ServerFigures>({ type: 'figures' });
    return {
      sessions: options.sessions,
      readWorkers: options.readWorkers,
      answers: replies.length,
      replyP50: percentile(replies, 50),
      replyP99: percentile(replies, 99),
      replyMax: replies.length > 0 ? Math.max(...replies) : Number.NaN,
      cpuPerAnswerMs: figures.cpuMs / Math.max(1, replies.length + failed),
      delayP99Ms: figures.delayP99Ms,
      delayMaxMs: figures.delayMaxMs,
      mainBusy: figures.mainBusy,
      commitsPerGroup: figures.commitGroups
        ? figures.commitGroups.commits / Math.max(1, figures.commitGroups.groups)
        : 1,
      pooledTasks: figures.pooledTasks,
      groupCommits: options.groupCommits,
      syncOffThread: options.groupCommits && options.syncOffThread !== false,
      failed,
    };
  } finally {
    for (const browser of browsers) browser.ws.terminate();
    await server.stop();
  }
}
