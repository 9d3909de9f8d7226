import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleServer } from '../scripts/bundle.mjs';
import { REPO_ROOT } from './helpers.ts';

/**
 * Starts the real server (apps/server/src/server.ts) as a child process, for tests and benchmarks
 * that kill it. Two ways to run it:
 * - `tsx`: `node --import tsx src/server.ts`, what `pnpm dev` runs (without the file watcher);
 * - `bundle`: the same sources compiled once into one file (scripts/bundle.mjs, with the reading
 *   worker's bundle next to it), run by plain node;
 * - `start`: `node scripts/start.mjs`, what `pnpm start` runs (checks what is stale, runs the bundle).
 *   Start-up then skips resolving and loading hundreds of modules, which is what makes 50-200
 *   kill-and-restart cycles affordable.
 */
export type LaunchMode = 'tsx' | 'bundle' | 'start';

export interface Launcher {
  mode: LaunchMode;
  /** Node arguments that start the server. */
  args: string[];
  cwd: string;
  /** Removes what preparing made (the bundle's directory). */
  dispose(): void;
}

const SERVER_DIR = join(REPO_ROOT, 'apps/server');
const SERVER_ENTRY = join(SERVER_DIR, 'src/server.ts');

/** Prepares a launcher; `bundle` compiles (about a second or two) into a temp directory. */
export async function prepareLauncher(mode: LaunchMode): Promise<Launcher> {
  if (mode === 'tsx')
    return { mode, args: ['--import', 'tsx', SERVER_ENTRY], cwd: SERVER_DIR, dispose: () => undefined };
  // `pnpm start` on a warm machine: everything built once here, so each run only checks and starts.
  if (mode === 'start') {
    const script = join(REPO_ROOT, 'scripts/start.mjs');
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs'), '--server'], { stdio: 'ignore' });
    return { mode, args: [script], cwd: REPO_ROOT, dispose: () => undefined };
  }
  const outDir = join(tmpdir(), `mlsd-server-bundle-${process.pid}-${Date.now()}`);
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'server.mjs');
  await bundleServer(outfile);
  return {
    mode,
    args: [outfile],
    cwd: SERVER_DIR,
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/** A TCP port that was free a moment ago (the server is restarted on the same one, like in production). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  dataDir: string;
  port: number;
  /** Extra environment, e.g. MLSD_RUBRICS_DIR. */
  env?: Record<string, string>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One run of the server process. */
export class ServerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  /** Everything the process wrote to stderr (kept short). */
  stderr = '';
  /** Spawn to ready, once it is. */
  readyMs: number | null = null;
  #ready: Promise<number>;

  private constructor(launcher: Launcher, options: StartOptions) {
    const started = performance.now();
    this.child = spawn(process.execPath, launcher.args, {
      cwd: launcher.cwd,
      env: {
        ...process.env,
        ...options.env,
        MLSD_DATA_DIR: options.dataDir,
        PORT: String(options.port),
        HOST: '127.0.0.1',
        NODE_NO_WARNINGS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    this.child.stderr?.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 20_000) this.stderr += chunk.toString('utf8');
    });
    this.#ready = new Promise((resolve, reject) => {
      let seen = '';
      // Pino's JSON logs go to stdout too; keep reading so the pipe never fills.
      this.child.stdout?.on('data', (chunk: Buffer) => {
        seen = (seen + chunk.toString('utf8')).slice(-4_000);
        if (this.readyMs === null && seen.includes('mlsd-mock is running at')) {
          this.readyMs = performance.now() - started;
          resolve(this.readyMs);
        }
      });
      void this.exited.then((exit) =>
        reject(
          new Error(
            `server exited before it was ready (${exit.signal ?? exit.code}): ${this.stderr.slice(-2_000)}`,
          ),
        ),
      );
    });
    this.#ready.catch(() => undefined);
  }

  static spawn(launcher: Launcher, options: StartOptions): ServerProcess {
    return new ServerProcess(launcher, options);
  }

  /** The first line of stdout from now on that contains `text` (e.g. a log message), within `timeoutMs`. */
  stdoutLine(text: string, timeoutMs = 60_000): Promise<string> {
    const stdout = this.child.stdout;
    if (!stdout) return Promise.reject(new Error('the server process has no stdout pipe'));
    let pending = '';
    let onData: (chunk: Buffer) => void = () => undefined;
    let timer: NodeJS.Timeout | undefined;
    const found = new Promise<string>((resolve, reject) => {
      onData = (chunk) => {
        const lines = (pending + chunk.toString('utf8')).split('\n');
        pending = lines.pop() ?? '';
        const line = lines.find((candidate) => candidate.includes(text));
        if (line !== undefined) resolve(line);
      };
      stdout.on('data', onData);
      timer = setTimeout(
        () => reject(new Error(`the server did not print "${text}" within ${timeoutMs} ms`)),
        timeoutMs,
      );
      void this.exited.then((exit) =>
        reject(new Error(`the server exited (${exit.signal ?? exit.code}) before printing "${text}"`)),
      );
    });
    return found.finally(() => {
      clearTimeout(timer);
      stdout.off('data', onData);
    });
  }

  /** Milliseconds from spawn to "running at" on stdout. */
  ready(timeoutMs = 60_000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`server not ready after ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([this.#ready, timeout]).finally(() => clearTimeout(timer));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** kill -9: no shutdown code runs, as in a crash or an OOM kill. */
  async kill9(): Promise<Exit> {
    if (this.running) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** SIGTERM, as `docker stop` sends; waits for the exit. */
  async terminate(timeoutMs = 15_000): Promise<Exit> {
    if (this.running) this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Exit>((resolve) => {
      timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve({ code: null, signal: 'SIGKILL' });
      }, timeoutMs);
    });
    return Promise.race([this.exited, late]).finally(() => clearTimeout(timer));
  }
}
