import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopOnExit } from '@mlsd/testkit/stop-on-exit';
import { REPO_ROOT } from './helpers.ts';

/**
 * Debian's nginx running deploy/nginx.conf, the compose profile's proxy config, for the proxy test:
 * the file is used as it is, with only the upstream addresses and the listen port rewritten, so a
 * change there is what the test runs. Without the binary the test is skipped with the reason,
 * unless MLSD_REQUIRE_NGINX=1 (CI), which makes that a failure.
 */
export const DEPLOY_NGINX_CONF = join(REPO_ROOT, 'deploy/nginx.conf');

/** Where the nginx binary is: MLSD_NGINX, then Debian's /usr/sbin/nginx, then PATH. */
export function findNginx(): string | undefined {
  const candidates = [
    process.env.MLSD_NGINX,
    '/usr/sbin/nginx',
    ...(process.env.PATH ?? '').split(':').map((dir) => join(dir, 'nginx')),
  ];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

/** The binary, or why there is none (and a throw instead when MLSD_REQUIRE_NGINX=1). */
export function nginxOrSkip(): { bin: string } | { skipped: string } {
  const bin = findNginx();
  if (bin) return { bin };
  const reason = 'no nginx binary in MLSD_NGINX, /usr/sbin/nginx or PATH (apt-get install nginx)';
  if (process.env.MLSD_REQUIRE_NGINX === '1') throw new Error(`MLSD_REQUIRE_NGINX=1 but ${reason}`);
  console.warn(`[proxy test skipped] ${reason}`);
  return { skipped: reason };
}

/**
 * deploy/nginx.conf with its two upstreams pointed at `upstreams` and listening on
 * 127.0.0.1:`port`. Throws when a line it rewrites is missing, so the test cannot silently run a
 * config other than the shipped one.
 */
export function localProxyConfig(upstreams: [number, number], port: number): string {
  let config = readFileSync(DEPLOY_NGINX_CONF, 'utf8');
  const rewrite = (from: RegExp, to: string) => {
    const matches = config.match(new RegExp(from.source, 'gm'))?.length ?? 0;
    if (matches !== 1)
      throw new Error(`deploy/nginx.conf: expected one line matching ${from}, found ${matches}`);
    config = config.replace(from, to);
  };
  rewrite(/^(\s*)server app-1:3000 /m, `$1server 127.0.0.1:${upstreams[0]} `);
  rewrite(/^(\s*)server app-2:3000 /m, `$1server 127.0.0.1:${upstreams[1]} `);
  rewrite(/^(\s*)listen 80;/m, `$1listen 127.0.0.1:${port};`);
  return config;
}

/** A main nginx.conf around the site config, with every path inside `dir` (no root-owned defaults). */
function mainConfig(dir: string, site: string): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `    ${kind}_temp_path ${join(dir, `${kind}-temp`)};`)
    .join('\n');
  return [
    // As root nginx would run its worker as `nobody`, which cannot enter a private temp dir.
    process.getuid?.() === 0 ? 'user root;' : '',
    'daemon off;',
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    `    access_log ${join(dir, 'access.log')};`,
    temp,
    `    include ${site};`,
    '}',
    '',
  ].join('\n');
}

export interface NginxProxy {
  /** http://127.0.0.1:<port> */
  base: string;
  /** What `nginx -t` said about the config. */
  check: { status: number | null; output: string };
  /** The proxy's access log so far (one line per request, with the upstream status). */
  accessLog(): string;
  /** Its error log so far: why it failed over, or gave up. */
  errorLog(): string;
  stop(): Promise<void>;
}

/** Writes the configs, runs `nginx -t` on them, then starts nginx and waits for /healthz. */
export async function startNginx(
  bin: string,
  upstreams: [number, number],
  port: number,
): Promise<NginxProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-nginx-'));
  const site = join(dir, 'mlsd.conf');
  const main = join(dir, 'nginx.conf');
  writeFileSync(site, localProxyConfig(upstreams, port));
  writeFileSync(main, mainConfig(dir, site));
  const test = spawnSync(bin, ['-t', '-p', dir, '-c', main], { encoding: 'utf8' });
  const check = { status: test.status, output: `${test.stdout}${test.stderr}` };
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (test.status !== 0) {
    remove();
    return { base: '', check, accessLog: () => '', errorLog: () => '', stop: async () => undefined };
  }
  const child: ChildProcess = spawn(bin, ['-p', dir, '-c', main], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const unwatch = stopOnExit(() => {
    child.kill('SIGKILL');
    remove();
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    // SIGQUIT: nginx's graceful stop; open websockets are closed by their own tests first.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    child.kill('SIGKILL');
    unwatch();
    remove();
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`nginx did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const read = (name: string) => {
    const file = join(dir, name);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };
  return { base, check, accessLog: () => read('access.log'), errorLog: () => read('error.log'), stop };
}
