import type { Db } from './create-db.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A retention in days from a setting or a flag: unset, empty, "0" or "off" keep every session;
 * otherwise a whole number of days. Throws naming `name` (shared by the server and `mlsd prune`).
 */
export function parseRetentionDays(raw: string | undefined, name: string): number | null {
  const text = raw?.trim() ?? '';
  if (text === '' || text === '0' || text.toLowerCase() === 'off') return null;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 36_500)
    throw new Error(
      `${name}: a whole number of days (1 or more), or unset to keep every session; got "${text}"`,
    );
  return days;
}

export interface PruneOptions {
  /** Sessions that ended before this time (epoch ms) go. */
  endedBefore: number;
  /** Count what would go and delete nothing. */
  dryRun?: boolean;
}

export interface PrunedSession {
  id: string;
  caseTitle: string;
  createdAt: number;
  endedAt: number;
}

export interface PruneResult {
  sessions: PrunedSession[];
  turns: number;
  events: number;
  reports: number;
  observerLinks: number;
  /** Read-only report links of the removed sessions (they stop opening). */
  reportShares: number;
  /** Peer rooms that ended before the cut-off, removed with their events and watch links. */
  peerRooms: number;
  dryRun: boolean;
}

/**
 * Deletes solo sessions that ended before `endedBefore`, with everything stored for them: turns,
 * events, client ids, step timings, report and read-only report links (by the foreign keys'
 * cascade) and their watch
 * links. A running session is never touched, however old: its candidate may still be answering.
 * One immediate transaction, so a server writing the same file meanwhile waits instead of seeing
 * half a session.
 */
export function pruneEndedSessions(db: Db, options: PruneOptions): PruneResult {
  const { sqlite } = db;
  const victims = `select id from sessions where status = 'ended' and ended_at is not null and ended_at < @cutoff`;
  const count = (table: string, column: string) =>
    (
      sqlite.prepare(`select count(*) as n from ${table} where ${column} in (${victims})`).get({
        cutoff: options.endedBefore,
      }) as { n: number }
    ).n;
  const run = sqlite.transaction((): PruneResult => {
    const sessions = sqlite
      .prepare(
        `select id, case_title as caseTitle, created_at as createdAt, ended_at as endedAt
         from sessions where id in (${victims}) order by ended_at, id`,
      )
      .all({ cutoff: options.endedBefore }) as PrunedSession[];
    // Peer rooms ended before the cut-off go too (their events and client ids by the cascade).
    const peerVictims = `select id from peer_rooms where status = 'ended' and ended_at is not null and ended_at < @cutoff`;
    const peerRooms = (
      sqlite.prepare(`select count(*) as n from (${peerVictims})`).get({ cutoff: options.endedBefore }) as {
        n: number;
      }
    ).n;
    const result: PruneResult = {
      sessions,
      peerRooms,
      turns: count('turns', 'session_id'),
      events: count('events', 'session_id'),
      reports: count('reports', 'session_id'),
      reportShares: count('report_shares', 'session_id'),
      observerLinks:
        count('observer_links', 'room_id') +
        (
          sqlite
            .prepare(`select count(*) as n from observer_links where room_id in (${peerVictims})`)
            .get({ cutoff: options.endedBefore }) as { n: number }
        ).n,
      dryRun: options.dryRun === true,
    };
    if (!result.dryRun) {
      const cutoff = { cutoff: options.endedBefore };
      for (const rooms of [victims, peerVictims]) {
        sqlite.prepare(`delete from observer_links where room_id in (${rooms})`).run(cutoff);
      }
      sqlite.prepare(`delete from sessions where id in (${victims})`).run(cutoff);
      sqlite.prepare(`delete from peer_rooms where id in (${peerVictims})`).run(cutoff);
    }
    return result;
  });
  return run.immediate();
}

/** What a prune removed (or would remove), one line per session and a total, for people. */
export function describePrune(result: PruneResult): string {
  const verb = result.dryRun ? 'would remove' : 'removed';
  const lines = result.sessions.map(
    (session) =>
      `  ${session.id}  ${session.caseTitle}  ended ${new Date(session.endedAt).toISOString().slice(0, 10)}`,
  );
  const total =
    `${verb} ${result.sessions.length} ended session${result.sessions.length === 1 ? '' : 's'}` +
    ` (${result.turns} turns, ${result.events} events, ${result.reports} reports, ${result.observerLinks} watch links, ${result.reportShares} report links)` +
    (result.peerRooms > 0
      ? `, and ${result.peerRooms} ended peer room${result.peerRooms === 1 ? '' : 's'}`
      : '');
  return [total, ...lines].join('\n');
}
