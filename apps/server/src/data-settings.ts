import { parseRetentionDays } from '@mlsd/db';

/**
 * Data settings read from the environment. Kept apart from env.ts (the server's main settings) so
 * that the data lifecycle (retention) can change without touching it; pure like readEnv.
 */
export interface DataSettings {
  /** Ended sessions older than this many days are deleted at start and daily; null: kept forever. */
  retentionDays: number | null;
}

/** Reads `MLSD_RETENTION_DAYS`: unset or empty keeps everything; else a whole number of days ≥ 1. */
export function readDataSettings(env: NodeJS.ProcessEnv = process.env): DataSettings {
  return { retentionDays: parseRetentionDays(env.MLSD_RETENTION_DAYS, 'MLSD_RETENTION_DAYS') };
}
