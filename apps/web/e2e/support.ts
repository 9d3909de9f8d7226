import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/** What the browser tests share: paths, the server under test and a headless Chromium. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SHOTS = join(REPO_ROOT, 'test-results');
const CHROMIUM = '/usr/bin/chromium';
const DIST = join(REPO_ROOT, 'apps/web/dist/index.html');

/** The part of apps/server/test/helpers.ts used here. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Imported by path so that type-checking the web app does not pull in the server or the rubric loader. */
export async function load<T>(path: string): Promise<T> {
  return (await import(/* @vite-ignore */ join(REPO_ROOT, path))) as T;
}

/** The server options these tests use; `accessKey` starts it locked with that passphrase. */
export interface TestServerOptions {
  accessKey?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const helpers = await load<{ startTestServer: (options: TestServerOptions) => Promise<TestServer> }>(
    'apps/server/test/helpers.ts',
  );
  return helpers.startTestServer(options);
}

/** Fails early, saying how to fix it, without the build or the browser; makes the screenshot folder. */
export function checkPrerequisites(): void {
  if (!existsSync(DIST))
    throw new Error('apps/web/dist is missing; run `pnpm --filter @mlsd/web build` first');
  if (!existsSync(CHROMIUM))
    throw new Error(`no browser at ${CHROMIUM}; install it with: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
}

/** Debian's Chromium, headless and offline; `extraArgs` add switches (a fake microphone, say). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}
