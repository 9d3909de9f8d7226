import { createDb, createPgDb } from '@mlsd/db';
import { ServerEvent } from '@mlsd/protocol';
import { candidateTurn } from '../src/rooms/candidate-turn.ts';
import type { ScriptedClient } from './durability-client.ts';

/** What the harness checks after the last crash, on either backend. */
export interface Verdict {
  /** `ok`, or what the database's own check found. */
  integrity: string;
  violations: string[];
}

/** The rows the exactly-once checks read, one session at a time, from either database. */
interface StoredRows {
  commandCount(sessionId: string, clientId: string): Promise<number>;
  turnTexts(sessionId: string, clientId: string): Promise<string[]>;
  /** Payloads as JSON text, in seq order. */
  events(sessionId: string): Promise<{ seq: number; payload: string }[]>;
  turnIndexes(sessionId: string): Promise<number[]>;
}

/**
 * SQLite after the server stopped: `PRAGMA integrity_check` and `foreign_key_check`, then the
 * exactly-once checks. Opening through createDb applies no migration (all are applied).
 */
export async function verifySqlite(file: string, clients: ScriptedClient[]): Promise<Verdict> {
  const { sqlite: db, close } = createDb(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join('; ');
    const violations: string[] = [];
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0) violations.push(`${foreignKeys.length} rows break foreign keys`);
    const commands = db.prepare(
      'select count(*) as n from client_commands where session_id = ? and client_id = ?',
    );
    const turns = db.prepare('select text from turns where session_id = ? and client_id = ?');
    const events = db.prepare('select seq, payload from events where session_id = ? order by seq');
    const indexes = db.prepare('select idx from turns where session_id = ? order by idx');
    const rows: StoredRows = {
      commandCount: async (id, clientId) => (commands.get(id, clientId) as { n: number }).n,
      turnTexts: async (id, clientId) => (turns.all(id, clientId) as { text: string }[]).map((r) => r.text),
      events: async (id) => events.all(id) as { seq: number; payload: string }[],
      turnIndexes: async (id) => (indexes.all(id) as { idx: number }[]).map((r) => r.idx),
    };
    violations.push(...(await exactlyOnce(rows, clients)));
    return { integrity, violations };
  } finally {
    close();
  }
}

/**
 * PostgreSQL after the server stopped. The server keeps its own consistency (constraints are
 * checked at commit, a killed client's open transaction is rolled back), so the integrity check
 * here is that no row of a session's children is left without its session, then the same
 * exactly-once checks as on SQLite.
 */
export async function verifyPostgres(url: string, clients: ScriptedClient[]): Promise<Verdict> {
  const db = await createPgDb(url);
  try {
    const query = async <Row>(text: string, values: unknown[] = []): Promise<Row[]> =>
      (await db.pool.query(text, values)).rows as Row[];
    const orphans: string[] = [];
    for (const table of ['turns', 'events', 'client_commands', 'step_timings']) {
      const [row] = await query<{ n: string }>(
        `select count(*) as n from ${table} t where not exists (select 1 from sessions s where s.id = t.session_id)`,
      );
      if (Number(row?.n ?? 0) > 0) orphans.push(`${row?.n} ${table} rows without their session`);
    }
    const rows: StoredRows = {
      commandCount: async (id, clientId) =>
        Number(
          (
            await query<{ n: string }>(
              'select count(*) as n from client_commands where session_id = $1 and client_id = $2',
              [id, clientId],
            )
          )[0]?.n ?? 0,
        ),
      turnTexts: async (id, clientId) =>
        (
          await query<{ text: string }>('select text from turns where session_id = $1 and client_id = $2', [
            id,
            clientId,
          ])
        ).map((row) => row.text),
      // jsonb comes back parsed; as text it compares like SQLite's after the same parse.
      events: async (id) =>
        (
          await query<{ seq: number; payload: unknown }>(
            'select seq, payload from events where session_id = $1 order by seq',
            [id],
          )
        ).map((row) => ({ seq: row.seq, payload: JSON.stringify(row.payload) })),
      turnIndexes: async (id) =>
        (await query<{ idx: number }>('select idx from turns where session_id = $1 order by idx', [id])).map(
          (row) => row.idx,
        ),
    };
    const violations = await exactlyOnce(rows, clients);
    return { integrity: orphans.length === 0 ? 'ok' : orphans.join('; '), violations };
  } finally {
    await db.close();
  }
}

/**
 * What must hold after any number of crashes: every acknowledged frame is stored exactly once
 * (answers as one transcript turn with the same text), every event a client saw is stored with
 * the same content, and turns and events are numbered without holes.
 */
async function exactlyOnce(rows: StoredRows, clients: ScriptedClient[]): Promise<string[]> {
  const violations: string[] = [];
  for (const client of clients) {
    const id = client.sessionId;
    const tag = id.slice(0, 8);
    for (const [clientId, frame] of client.sent) {
      const stored = await rows.commandCount(id, clientId);
      const mustBe = client.acked.has(clientId) ? 1 : stored;
      if (stored !== mustBe || stored > 1) violations.push(`${tag}: ${clientId} stored ${stored} times`);
      if (frame.type !== 'say') continue;
      const texts = await rows.turnTexts(id, clientId);
      if (texts.length !== stored)
        violations.push(`${tag}: ${clientId} has ${texts.length} turns for ${stored} commands`);
      if (texts.some((text) => text !== frame.text))
        violations.push(`${tag}: ${clientId} stored with other text`);
    }
    const stored = await rows.events(id);
    stored.forEach((row, index) => {
      if (row.seq !== index + 1)
        violations.push(`${tag}: event numbers jump to ${row.seq} at position ${index + 1}`);
    });
    // Through the same schema the client parsed with, so key order compares equal too.
    const bySeq = new Map(stored.map((row) => [row.seq, ServerEvent.parse(JSON.parse(row.payload))]));
    for (const [seq, seen] of client.events) {
      const kept = bySeq.get(seq);
      if (!kept || JSON.stringify(withoutProbes(kept)) !== JSON.stringify(seen)) {
        violations.push(`${tag}: event ${seq} the client saw is not what is stored`);
      }
    }
    (await rows.turnIndexes(id)).forEach((idx, index) => {
      if (idx !== index) violations.push(`${tag}: transcript index jumps to ${idx} at ${index}`);
    });
  }
  return violations;
}

/** A stored event as the candidate's seat receives it (the server's own projection). */
function withoutProbes(event: ServerEvent): ServerEvent {
  return event.type === 'turn' ? { ...event, turn: candidateTurn(event.turn) } : event;
}
