import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AsyncDb, Db, WriteCheck } from '@mlsd/db';

/** Below this much free space the health check warns: sessions still save, but not for long. */
export const LOW_DISK_BYTES = 256 * 1024 * 1024;
/**
 * Below this the server reports itself unhealthy: a WAL checkpoint or a report can need a few MiB,
 * and SQLite fails a commit it cannot write, which a candidate would see as a lost answer.
 */
export const CRITICAL_DISK_BYTES = 16 * 1024 * 1024;

export interface DiskReport {
  freeBytes: number;
  low: boolean;
  detail: string;
}

export interface DataHealth {
  /** A commit could succeed now. */
  ok: boolean;
  /** Why not, or null. */
  detail: string | null;
  /** Only when space is low (null otherwise, or when the file system cannot tell). */
  disk: DiskReport | null;
}

/** The verdict on free space alone; pure, so the thresholds are tested without filling a disk. */
export function diskVerdict(freeBytes: number): { disk: DiskReport | null; fatal: boolean } {
  const mib = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MiB`;
  if (freeBytes >= LOW_DISK_BYTES) return { disk: null, fatal: false };
  const fatal = freeBytes < CRITICAL_DISK_BYTES;
  const detail = fatal
    ? `the data directory's disk is full (${mib(freeBytes)} free): new answers may fail to save. Free space, then check again.`
    : `the data directory's disk is low on space (${mib(freeBytes)} free, warning below ${mib(LOW_DISK_BYTES)}). Free space or prune old sessions (mlsd prune).`;
  return { disk: { freeBytes, low: true, detail }, fatal };
}

/** Free bytes for an unprivileged writer where the database file lives; null when unknown. */
export function freeBytesAt(file: string): number | null {
  try {
    const stats = statfsSync(dirname(file));
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** Can the database take a write now, and is there room on its disk? (SQLite, synchronously.) */
export function dataHealth(db: Db, free: (file: string) => number | null = freeBytesAt): DataHealth {
  return healthOf(db.checkWrite(), db.sqlite.memory ? null : db.sqlite.name, free);
}

/**
 * The same verdict on either backend. PostgreSQL has no file here (`store.file` is null): its
 * health is the write check alone, as its disk is the database server's to watch.
 */
export async function storeHealth(
  store: AsyncDb,
  free: (file: string) => number | null = freeBytesAt,
): Promise<DataHealth> {
  return healthOf(await store.checkWrite(), store.file, free);
}

function healthOf(write: WriteCheck, file: string | null, free: (file: string) => number | null): DataHealth {
  const freeBytes = file === null ? null : free(file);
  const { disk, fatal } = freeBytes === null ? { disk: null, fatal: false } : diskVerdict(freeBytes);
  if (!write.ok) return { ok: false, detail: write.detail, disk };
  if (fatal) return { ok: false, detail: disk?.detail ?? null, disk };
  return { ok: true, detail: null, disk };
}
