import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEnv } from '../src/env.ts';
import { AUTO_READ_WORKERS_AT } from '../src/reading-pool/on-demand.ts';
import { LOCAL_HOSTS } from '../src/transport/hosts.ts';
import { NO_VOICE } from '../src/voice/settings.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-env-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readEnv', () => {
  it('defaults to 127.0.0.1:3000 and ./data under the directory pnpm was run from', () => {
    const env = readEnv({ INIT_CWD: dir });
    expect(env).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: join(dir, 'data'),
      dev: false,
      rubricsDir: null,
      allowedOrigins: { allowed: new Set(), any: false },
      allowedHosts: LOCAL_HOSTS,
      llm: { config: null, problem: null },
      accessKey: null,
      readWorkers: 'auto',
      readWorkersAt: AUTO_READ_WORKERS_AT,
      voice: NO_VOICE,
    });
    // Pure: resolving the path creates nothing (server.ts makes the directory when it starts).
    expect(existsSync(env.dataDir)).toBe(false);
  });

  it('reads every variable', () => {
    const env = readEnv({
      INIT_CWD: dir,
      PORT: '8080',
      HOST: '0.0.0.0',
      MLSD_DATA_DIR: join(dir, 'abs'),
      MLSD_DEV: '1',
      MLSD_RUBRICS_DIR: 'my-rubrics',
      MLSD_ALLOWED_ORIGINS: 'http://localhost:5173, HTTPS://Mlsd.Example.com:443',
      MLSD_ACCESS_KEY: '  correct horse battery  ',
      MLSD_READ_WORKERS: '2',
    });
    expect(env).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: join(dir, 'abs'),
      dev: true,
      rubricsDir: join(dir, 'my-rubrics'),
      allowedOrigins: { allowed: new Set(['http://localhost:5173', 'https://mlsd.example.com']), any: false },
      // HOST 0.0.0.0: the local names, and any IP address (see transport/hosts.ts).
      allowedHosts: {
        names: new Set(['localhost', '127.0.0.1', '[::1]']),
        hostPorts: new Set(),
        anyAddress: true,
        any: false,
      },
      llm: { config: null, problem: null },
      accessKey: 'correct horse battery',
      readWorkers: 2,
      readWorkersAt: AUTO_READ_WORKERS_AT,
      voice: NO_VOICE,
    });
  });

  it('names the bad variable', () => {
    expect(() => readEnv({ INIT_CWD: dir, PORT: 'eighty' })).toThrow(/invalid environment: PORT: /);
    expect(() => readEnv({ INIT_CWD: dir, MLSD_DEV: 'yes' })).toThrow(/MLSD_DEV/);
    expect(() => readEnv({ INIT_CWD: dir, MLSD_ALLOWED_ORIGINS: 'localhost:5173/app' })).toThrow(
      /MLSD_ALLOWED_ORIGINS: .*is not an origin/,
    );
    expect(() => readEnv({ INIT_CWD: dir, MLSD_USER_HEADER: 'x user' })).toThrow(/MLSD_USER_HEADER/);
    expect(
      readEnv({ INIT_CWD: dir, MLSD_USER_HEADER: 'X-Forwarded-User', MLSD_TRUSTED_PROXIES: '10.0.0.2, ::1' })
        .proxyUsers,
    ).toEqual({
      header: 'x-forwarded-user',
      proxies: new Set(['10.0.0.2', '::1']),
    });
    expect(() => readEnv({ INIT_CWD: dir, MLSD_ACCESS_KEY: 'short' })).toThrow(
      /MLSD_ACCESS_KEY: an access passphrase has at least 8 characters/,
    );
  });
});

describe('MLSD_READ_WORKERS', () => {
  it('takes auto (the default) or a number of worker threads from 0 to 16', () => {
    const read = (vars: Record<string, string>) => {
      const env = readEnv({ INIT_CWD: dir, ...vars });
      return { workers: env.readWorkers, at: env.readWorkersAt };
    };
    expect(read({})).toEqual({ workers: 'auto', at: AUTO_READ_WORKERS_AT });
    expect(read({ MLSD_READ_WORKERS: '' })).toEqual({ workers: 'auto', at: AUTO_READ_WORKERS_AT });
    expect(read({ MLSD_READ_WORKERS: ' Auto ' })).toEqual({ workers: 'auto', at: AUTO_READ_WORKERS_AT });
    expect(read({ MLSD_READ_WORKERS: 'auto', MLSD_READ_WORKERS_AT: '3' })).toEqual({
      workers: 'auto',
      at: 3,
    });
    expect(read({ MLSD_READ_WORKERS: '0' })).toEqual({ workers: 0, at: AUTO_READ_WORKERS_AT });
    expect(read({ MLSD_READ_WORKERS: '16' })).toEqual({ workers: 16, at: AUTO_READ_WORKERS_AT });
  });

  it('refuses anything else, naming the variable and the accepted values', () => {
    for (const bad of ['1.5', '-1', '17', 'many', 'on', '2 workers']) {
      expect(() => readEnv({ INIT_CWD: dir, MLSD_READ_WORKERS: bad })).toThrow(
        new RegExp(`MLSD_READ_WORKERS: '${bad}' is not a setting; accepted values: auto .*from 0 to 16`),
      );
    }
    for (const bad of ['0', '-3', 'fifty', '2.5']) {
      expect(() => readEnv({ INIT_CWD: dir, MLSD_READ_WORKERS_AT: bad })).toThrow(
        /MLSD_READ_WORKERS_AT: .* is not a number of live sessions; a whole number from 1/,
      );
    }
    // A threshold for a fixed number of workers would be ignored: it is refused instead.
    expect(() => readEnv({ INIT_CWD: dir, MLSD_READ_WORKERS: '1', MLSD_READ_WORKERS_AT: '10' })).toThrow(
      /MLSD_READ_WORKERS_AT applies only with MLSD_READ_WORKERS=auto/,
    );
  });
});
