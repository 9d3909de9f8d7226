import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateSessionResponse, OWNER_HEADER } from '@mlsd/protocol';
import { Instance } from '../cluster-harness.ts';
import type { Launcher } from '../durability-server.ts';
import { REPO_ROOT } from '../helpers.ts';
import { AnsweringBrowser, answerRound, sleep } from './answering-browser.ts';
import { percentile } from './stats.ts';

/**
 * The capacity benchmark's driver (issue 15): real server processes (the bundle, started as
 * `pnpm start` runs it, default limits) and N browser-like sockets on each. Every browser comes
 * from its own address, named in `X-Forwarded-For` by a trusted proxy (MLSD_TRUSTED_PROXIES), as
 * behind nginx: the per-address limits then count each browser, not the benchmark. A browser
 * creates its session over REST on one instance and opens its socket there, which is what
 * deploy/nginx.conf's hash on the client address does, so the instance that created a session
 * runs it and holds its seat.
 *
 * In a round every session sends one answer at a random moment within `spreadMs` and waits for
 * the interviewer's reply; reply time runs from sending the answer to receiving the reply turn.
 * CPU is what the instances' processes used over the measured rounds (from /proc), per answer.
 */
export interface CapacityOptions {
  launcher: Launcher;
  instances: number;
  sessionsPerInstance: number;
  /** The instances' environment: DATABASE_URL and REDIS_URL, or nothing for SQLite. */
  env: Record<string, string>;
  warmRounds: number;
  rounds: number;
  spreadMs: number;
}

export interface CapacityFigures {
  instances: number;
  sessions: number;
  answers: number;
  replyP50: number;
  replyP99: number;
  replyMax: number;
  /** App processes' CPU time over the measured rounds divided by the answers. */
  cpuPerAnswerMs: number;
  /** Answers refused or not replied to within 60 s. */
  failed: number;
}

const CASE_ID = 'ad-click-prediction';
/** Linux reports process CPU in clock ticks of 1/100 s (USER_HZ) on every common architecture. */
const TICKS_PER_SECOND = 100;

/** Candidate answers of a strong ad click-prediction interview, in order, looped. */
function answers(): string[] {
  const file = JSON.parse(
    readFileSync(join(REPO_ROOT, 'calibration/ad-click-prediction/strong.json'), 'utf8'),
  ) as { turns: { role: string; text: string }[] };
  return file.turns.filter((turn) => turn.role === 'candidate').map((turn) => turn.text);
}

/** An address of its own for the i-th browser (10.64.0.1, 10.64.0.2, ...). */
function addressOf(index: number): string {
  return `10.64.${Math.floor(index / 250)}.${(index % 250) + 1}`;
}

/** user + system CPU milliseconds of a process so far, from /proc/<pid>/stat. */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Creates the i-th browser's session on `instance` over REST, from the browser's own address. */
async function createSession(instance: Instance, index: number): Promise<CreateSessionResponse> {
  const response = await fetch(`${instance.url}/api/sessions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [OWNER_HEADER]: `capacity-bench-owner-${String(index).padStart(6, '0')}`,
      'x-forwarded-for': addressOf(index),
    },
    body: JSON.stringify({ caseId: CASE_ID, durationMinutes: 60, interviewer: 'offline', seed: index }),
  });
  if (response.status !== 201) {
    throw new Error(`creating session ${index}: ${response.status} ${await response.text()}`);
  }
  return CreateSessionResponse.parse(await response.json());
}

/** Runs `job` over 0..count-1 with at most `width` at a time. */
async function inParallel(
  count: number,
  width: number,
  job: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const index = next++;
        await job(index);
      }
    }),
  );
}

/** Starts the instances, loads them and stops them again; one step of the ladder. */
export async function measureCapacity(options: CapacityOptions): Promise<CapacityFigures> {
  const texts = answers();
  const instances: Instance[] = [];
  const browsers: AnsweringBrowser[] = [];
  try {
    for (let i = 0; i < options.instances; i += 1) {
      instances.push(
        await Instance.start(options.launcher, { ...options.env, MLSD_TRUSTED_PROXIES: '127.0.0.1' }),
      );
    }
    const total = options.instances * options.sessionsPerInstance;
    // Session i lives on instance i mod k, created and seated there.
    const home = (index: number) => instances[index % instances.length]!;
    const sessions: CreateSessionResponse[] = new Array(total);
    await inParallel(total, 8, async (index) => {
      sessions[index] = await createSession(home(index), index);
    });
    for (let opened = 0; opened < total; opened += 50) {
      const batch = sessions.slice(opened, opened + 50).map(
        (_, offset) =>
          new AnsweringBrowser(home(opened + offset).wsUrl, {
            'x-forwarded-for': addressOf(opened + offset),
          }),
      );
      await Promise.all(batch.map((browser) => browser.opened()));
      browsers.push(...batch);
    }
    browsers.forEach((browser, index) => {
      const session = sessions[index]!;
      browser.ws.send(
        JSON.stringify({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 }),
      );
    });
    const seatedBy = Date.now() + 60_000;
    while (browsers.some((browser) => !browser.snapshot)) {
      if (Date.now() > seatedBy) throw new Error('not every browser got its snapshot within 60 s');
      await sleep(20);
    }

    const replies: number[] = [];
    let failed = 0;
    let cpuAtMark = 0;
    const cpuNow = () => instances.reduce((sum, instance) => sum + cpuMsOf(instance.pid), 0);
    for (let round = 0; round < options.warmRounds + options.rounds; round += 1) {
      const measured = round >= options.warmRounds;
      if (round === options.warmRounds) cpuAtMark = cpuNow();
      const times = await answerRound(browsers, round, texts, options.spreadMs);
      if (!measured) continue;
      for (const ms of times) {
        if (Number.isNaN(ms)) failed += 1;
        else replies.push(ms);
      }
    }
    const cpuMs = cpuNow() - cpuAtMark;
    return {
      instances: options.instances,
      sessions: total,
      answers: replies.length,
      replyP50: percentile(replies, 50),
      replyP99: percentile(replies, 99),
      replyMax: replies.length > 0 ? Math.max(...replies) : Number.NaN,
      cpuPerAnswerMs: cpuMs / Math.max(1, replies.length + failed),
      failed,
    };
  } finally {
    for (const browser of browsers) browser.ws.terminate();
    await Promise.all(instances.map((instance) => instance.stop()));
  }
}
