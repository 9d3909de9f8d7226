import type pg from 'pg';
import type { PrunedSession, PruneOptions, PruneResult } from './retention.ts';

/**
 * `pruneEndedSessions` on PostgreSQL: the same selection, counts and cascade, in one transaction.
 *
 * SQLite gets its consistency from the immediate transaction (no other writer meanwhile). Here the
 * victims' rows are locked first (`FOR UPDATE`, the lock every commit takes on its room, see
 * `lockRoom`), so no turn, event or report link can be added to them between the counts and the
 * delete; a commit waiting on one of them then finds its room gone and is refused. Watch links have
 * no foreign key, so one made meanwhile is counted by the delete itself.
 */
export async function prunePgEndedSessions(
  db: { pool: pg.Pool },
  options: PruneOptions,
): Promise<PruneResult> {
  const client = await db.pool.connect();
  let failed: Error | undefined;
  try {
    await client.query('begin isolation level read committed');
    const result = await prune(client, options.endedBefore, options.dryRun === true);
    // A dry run locked the rows it counted: rolled back, it changes nothing.
    await client.query(result.dryRun ? 'rollback' : 'commit');
    return result;
  } catch (error) {
    failed = error as Error;
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    // After a failure the connection may be broken: the pool drops it rather than lending it again.
    client.release(failed);
  }
}

const ENDED_BEFORE = `status = 'ended' and ended_at is not null and ended_at < $1`;

async function prune(client: pg.PoolClient, cutoff: number, dryRun: boolean): Promise<PruneResult> {
  // Ids compared in byte order, as SQLite orders text, whatever the database's collation.
  const victims = await client.query<PrunedSession>(
    `select id, case_title as "caseTitle", created_at::float8 as "createdAt", ended_at::float8 as "endedAt"
     from sessions where ${ENDED_BEFORE} order by ended_at, id collate "C" for update`,
    [cutoff],
  );
  const peers = await client.query<{ id: string }>(
    `select id from peer_rooms where ${ENDED_BEFORE} for update`,
    [cutoff],
  );
  const ids = victims.rows.map((row) => row.id);
  const peerIds = peers.rows.map((row) => row.id);
  const count = async (table: string, column: string, of: string[]) => {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from ${table} where ${column} = any($1::text[])`,
      [of],
    );
    return rows[0]?.n ?? 0;
  };
  const result: PruneResult = {
    sessions: victims.rows,
    peerRooms: peerIds.length,
    turns: await count('turns', 'session_id', ids),
    events: await count('events', 'session_id', ids),
    reports: await count('reports', 'session_id', ids),
    reportShares: await count('report_shares', 'session_id', ids),
    observerLinks: await count('observer_links', 'room_id', [...ids, ...peerIds]),
    dryRun,
  };
  if (dryRun) return result;
  const links = await client.query('delete from observer_links where room_id = any($1::text[])', [
    [...ids, ...peerIds],
  ]);
  result.observerLinks = links.rowCount ?? result.observerLinks;
  // Turns, events, client ids, step timings, reports and report links go by the foreign keys' cascade.
  await client.query('delete from sessions where id = any($1::text[])', [ids]);
  await client.query('delete from peer_rooms where id = any($1::text[])', [peerIds]);
  // Fences have no foreign key (a room id names either kind of room): an ended room's goes with it.
  await client.query('delete from room_fences where room_id = any($1::text[])', [[...ids, ...peerIds]]);
  return result;
}
