import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../src/app.ts';
import type { Clock } from '../src/clock.ts';
import { readLlmSetup } from '../src/env.ts';
import type { SessionBrains } from '../src/rooms/solo/brains.ts';
import { FakeClock } from './fake-clock.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface TestServerOptions {
  /** Default: the repo's rubrics/. */
  rubricsDir?: string;
  /** Default: apps/web/dist (served when built). */
  webDistDir?: string;
  /** Default: a fresh temp file. Pass the same path to a second server to test a restart. */
  dbFile?: string;
  clock?: Clock;
  brains?: SessionBrains;
  /** A model endpoint (the local fake OpenAI server in tests). */
  llm?: AppOptions['llm'];
  /** Limits other than the defaults (small caps make limit tests quick). */
  hardening?: AppOptions['hardening'];
  accessKey?: string;
  proxyUsers?: AppOptions['proxyUsers'];
  trustedProxies?: AppOptions['trustedProxies'];
}

export interface TestServer {
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port>/ws */
  wsUrl: string;
  dbFile: string;
  /** Closes the server, then removes the temp directory it made (if it made one). */
  close(): Promise<void>;
}

/**
 * Builds the app on a temp SQLite file, listens on 127.0.0.1 with a free port, and serves the
 * built web app. For end-to-end tests (the web app's included).
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownDir = options.dbFile ? null : mkdtempSync(join(tmpdir(), 'mlsd-server-'));
  const dbFile = options.dbFile ?? join(ownDir!, 'mlsd.sqlite');
  const app = await buildApp({
    db: dbFile,
    rubricsDir: options.rubricsDir ?? join(REPO_ROOT, 'rubrics'),
    webDistDir: options.webDistDir ?? join(REPO_ROOT, 'apps/web/dist'),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.brains ? { brains: options.brains } : {}),
    ...(options.llm ? { llm: options.llm } : {}),
    ...(options.hardening ? { hardening: options.hardening } : {}),
    ...(options.accessKey ? { accessKey: options.accessKey } : {}),
    ...(options.proxyUsers ? { proxyUsers: options.proxyUsers } : {}),
    ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    url,
    wsUrl: `ws://127.0.0.1:${address.port}/ws`,
    dbFile,
    async close() {
      await app.close();
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}

/**
 * A test server whose interviewer is the model at `modelUrl` (the local fake OpenAI server), with
 * a fake clock and quick timeouts and no retries; `env` adds or overrides settings.
 */
export async function startModelTestServer(
  modelUrl: string,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const llm = readLlmSetup({
    OPENAI_BASE_URL: modelUrl,
    MLSD_MODEL: 'fake-model',
    MLSD_LLM_MAX_RETRIES: '0',
    MLSD_LLM_TIMEOUT_MS: '3000',
    MLSD_LLM_IDLE_MS: '1000',
    ...env,
  });
  if (llm.problem !== null) throw new Error(`model settings rejected: ${llm.problem}`);
  return startTestServer({ clock: new FakeClock(), llm });
}
