import { isAbsolute, resolve } from 'node:path';
import { type LlmConfig, parseLlmConfig } from '@mlsd/llm';
import { z } from 'zod';
import type { ProxyUsers } from './access.ts';
import { AUTO_READ_WORKERS_AT, type ReadWorkersSetting } from './reading-pool/on-demand.ts';
import { type HostPolicy, parseHostList } from './transport/hosts.ts';
import { type OriginPolicy, parseOriginList } from './transport/ws/origin.ts';
import { readVoiceSettings, type VoiceSettings } from './voice/settings.ts';

/** More threads than this only take turns on the cores (one per core is plenty). */
const MAX_READ_WORKERS = 16;

/**
 * `auto` (the default, see reading-pool/on-demand.ts and docs/performance.md), or a whole number of
 * worker threads: 0 reads on the main thread.
 */
function parseReadWorkers(value: string, context: z.RefinementCtx): ReadWorkersSetting {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === 'auto' || trimmed === '') return 'auto';
  if (/^\d+$/.test(trimmed) && Number(trimmed) <= MAX_READ_WORKERS) return Number(trimmed);
  context.addIssue({
    code: 'custom',
    message: `'${value}' is not a setting; accepted values: auto (the default: one worker once ${AUTO_READ_WORKERS_AT} sessions are live, on two cores or more), or a whole number of worker threads from 0 to ${MAX_READ_WORKERS} (0 reads on the main thread)`,
  });
  return z.NEVER;
}

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the SQLite file lives; relative paths are resolved against the directory the user ran pnpm from. */
  MLSD_DATA_DIR: z.string().min(1).default('./data'),
  /**
   * A PostgreSQL server to keep sessions and rooms in instead of the SQLite file under
   * MLSD_DATA_DIR. Empty or unset: SQLite.
   */
  DATABASE_URL: z
    .string()
    .default('')
    .transform((value) => value.trim())
    .refine(
      (value) => value === '' || /^postgres(ql)?:\/\/[^/]/i.test(value),
      'a PostgreSQL URL, postgres://user:password@host:5432/database (or leave DATABASE_URL unset for SQLite under MLSD_DATA_DIR)',
    ),
  /**
   * A Redis server that several instances share rooms through (leases, event fan-out, command
   * forwarding, counters). Empty or unset: one instance runs every room itself.
   */
  REDIS_URL: z
    .string()
    .default('')
    .transform((value) => value.trim())
    .refine(
      (value) => value === '' || /^rediss?:\/\/[^/]/i.test(value),
      'a Redis URL, redis://host:6379 or rediss://user:password@host:6380/0 (or leave REDIS_URL unset for one instance)',
    ),
  /** "1" turns on development behaviour: rubric hot reload, verbose logs. */
  MLSD_DEV: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('')
    .transform((value) => value === '1' || value === 'true'),
  /** Another rubric set (framework.yaml and cases/) than the repo's rubrics/; relative like MLSD_DATA_DIR. */
  MLSD_RUBRICS_DIR: z.string().optional(),
  /** Comma-separated origins (scheme://host[:port]) whose pages may open the websocket besides the app's own. */
  MLSD_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value, context) => {
      const parsed = parseOriginList(value);
      if (parsed.ok) return parsed.value;
      context.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
  /** Comma-separated host names (name[:port]) the server answers to besides localhost and HOST; `*` for any. */
  MLSD_ALLOWED_HOSTS: z.string().default(''),
  /**
   * A passphrase that creating sessions and rooms and listing history then need (seat links and
   * read-only report links never do). Empty or unset: anyone who can reach the server may create.
   */
  MLSD_ACCESS_KEY: z
    .string()
    .default('')
    .transform((value) => value.trim())
    .refine(
      (value) => value === '' || value.length >= 8,
      'an access passphrase has at least 8 characters (or leave MLSD_ACCESS_KEY empty for an open server)',
    ),
  /**
   * Behind an authenticating reverse proxy (oauth2-proxy, Authelia, Cloudflare Access...): the
   * header in which it names the signed-in user. Each user then sees only their own sessions.
   */
  MLSD_USER_HEADER: z
    .string()
    .default('')
    .transform((value) => value.trim().toLowerCase())
    .refine(
      (value) => value === '' || /^[a-z0-9-]{1,64}$/.test(value),
      'a header name: letters, digits and dashes',
    ),
  /** Comma-separated addresses the proxy connects from; the user header is believed only from them. */
  MLSD_TRUSTED_PROXIES: z.string().default('127.0.0.1,::1,::ffff:127.0.0.1'),
  /** Worker threads that read candidate messages: `auto`, or a number (0 reads them on the server's own thread). */
  MLSD_READ_WORKERS: z.string().default('auto').transform(parseReadWorkers),
  /** With MLSD_READ_WORKERS=auto: the live sessions (solo and peer rooms) at which the worker starts. */
  MLSD_READ_WORKERS_AT: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return undefined;
      if (/^\d+$/.test(value.trim()) && Number(value.trim()) >= 1) return Number(value.trim());
      context.addIssue({
        code: 'custom',
        message: `'${value}' is not a number of live sessions; a whole number from 1 (the default is ${AUTO_READ_WORKERS_AT})`,
      });
      return z.NEVER;
    }),
});

export interface ServerEnv {
  port: number;
  host: string;
  /** The PostgreSQL URL (`DATABASE_URL`); undefined: the SQLite file in `dataDir`. */
  databaseUrl: string | undefined;
  /** The Redis URL (`REDIS_URL`) instances share rooms through; undefined: one instance, no sharing. */
  redisUrl: string | undefined;
  /** Absolute. Not created here: the server start (server.ts) creates it before opening the database. */
  dataDir: string;
  dev: boolean;
  /** Absolute, or null for the repo's rubrics/. */
  rubricsDir: string | null;
  /** Origins allowed to open the websocket besides the app's own. */
  allowedOrigins: OriginPolicy;
  /** Host names the server answers to (DNS rebinding protection). */
  allowedHosts: HostPolicy;
  /** The model endpoint, or why there is none (see `LlmSetup`). */
  llm: LlmSetup;
  /** The access passphrase, or null for an open server. */
  accessKey: string | null;
  /** Users named by an authenticating proxy (`MLSD_USER_HEADER`); undefined: owners are browsers' keys. */
  proxyUsers?: ProxyUsers;
  /**
   * Proxies whose `X-Forwarded-For` names the client (`MLSD_TRUSTED_PROXIES`, when set): limits per
   * address then count each user behind the proxy, not the proxy. Undefined: the TCP peer is the client.
   */
  trustedProxies?: string[];
  /** Worker threads reading candidate messages (`MLSD_READ_WORKERS`); 0: the main thread; `auto`: on demand. */
  readWorkers: ReadWorkersSetting;
  /** With `auto`: the live sessions on this instance at which its worker starts (`MLSD_READ_WORKERS_AT`). */
  readWorkersAt: number;
  /** Transcription and speech endpoints (MLSD_STT_URL, MLSD_TTS_URL and friends; see voice/settings.ts). */
  voice: VoiceSettings;
}

/**
 * The language-model settings. `config` is null when none are set, or when they are invalid: the
 * server then still starts, runs every session offline, and `problem` says what to fix (in the log
 * and on the home page), by variable name.
 */
export interface LlmSetup {
  config: LlmConfig | null;
  problem: string | null;
}

/**
 * The only reader of process.env. Pure: it reads and validates, touches no file, and throws with
 * every bad variable named, so tests and tools can call it without a data directory appearing.
 */
export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`invalid environment: ${problems}`);
  }
  // `pnpm start` runs the script inside apps/server; INIT_CWD is where the user typed the command
  // (the repo root for the documented `pnpm start`), so ./data lands next to the README.
  const base = env.INIT_CWD ?? process.cwd();
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(base, path));
  const dataDir = absolute(parsed.data.MLSD_DATA_DIR);
  // Checked here rather than in the schema: the default list depends on HOST.
  const hosts = parseHostList(parsed.data.MLSD_ALLOWED_HOSTS, parsed.data.HOST);
  if (!hosts.ok) throw new Error(`invalid environment: MLSD_ALLOWED_HOSTS: ${hosts.error}`);
  // Several instances need one database they all reach; a SQLite file is one process's alone.
  if (parsed.data.REDIS_URL !== '' && parsed.data.DATABASE_URL === '') {
    throw new Error(
      'invalid environment: REDIS_URL is set but DATABASE_URL is not. Instances that share rooms through Redis cannot share a SQLite file: set DATABASE_URL to a PostgreSQL server (postgres://user:password@host:5432/database), or unset REDIS_URL to run one instance on SQLite.',
    );
  }
  // A threshold with a fixed number of workers would be silently ignored: say so instead.
  if (parsed.data.MLSD_READ_WORKERS_AT !== undefined && parsed.data.MLSD_READ_WORKERS !== 'auto') {
    throw new Error(
      `invalid environment: MLSD_READ_WORKERS_AT applies only with MLSD_READ_WORKERS=auto, and MLSD_READ_WORKERS is ${parsed.data.MLSD_READ_WORKERS}. Unset MLSD_READ_WORKERS_AT, or set MLSD_READ_WORKERS=auto.`,
    );
  }
  const rubricsDir = parsed.data.MLSD_RUBRICS_DIR?.trim()
    ? absolute(parsed.data.MLSD_RUBRICS_DIR.trim())
    : null;
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    databaseUrl: parsed.data.DATABASE_URL === '' ? undefined : parsed.data.DATABASE_URL,
    redisUrl: parsed.data.REDIS_URL === '' ? undefined : parsed.data.REDIS_URL,
    dataDir,
    dev: parsed.data.MLSD_DEV,
    rubricsDir,
    allowedOrigins: parsed.data.MLSD_ALLOWED_ORIGINS,
    allowedHosts: hosts.value,
    llm: readLlmSetup(env),
    accessKey: parsed.data.MLSD_ACCESS_KEY === '' ? null : parsed.data.MLSD_ACCESS_KEY,
    readWorkers: parsed.data.MLSD_READ_WORKERS,
    readWorkersAt: parsed.data.MLSD_READ_WORKERS_AT ?? AUTO_READ_WORKERS_AT,
    voice: readVoiceSettings(env),
    proxyUsers:
      parsed.data.MLSD_USER_HEADER === ''
        ? undefined
        : {
            header: parsed.data.MLSD_USER_HEADER,
            proxies: new Set(proxyList(parsed.data.MLSD_TRUSTED_PROXIES)),
          },
    // Only when set on purpose: a laptop's default must not let a local page forge its address.
    ...(env.MLSD_TRUSTED_PROXIES?.trim()
      ? { trustedProxies: proxyList(parsed.data.MLSD_TRUSTED_PROXIES) }
      : {}),
  };
}

function proxyList(value: string): string[] {
  return value
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
}

/** The model settings alone; a bad one does not stop the server (it runs offline and says why). */
export function readLlmSetup(env: NodeJS.ProcessEnv = process.env): LlmSetup {
  const parsed = parseLlmConfig(env);
  if (parsed.ok) return { config: parsed.value, problem: null };
  return {
    config: null,
    problem: `the model settings are invalid, so every session runs offline: ${parsed.error.issues.join('; ')}`,
  };
}
