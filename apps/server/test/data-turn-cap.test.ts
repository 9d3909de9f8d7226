import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type EventDraft, PeerStore } from '@mlsd/db';
import { CreateSessionResponse, SessionDetail } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_TURNS } from '../src/rooms/turn-cap.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { createRoom } from './peer-client.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { TestSocket } from './ws-client.ts';

let dir: string;
let rubricsDir: string;
let server: TestServer | null = null;
const sockets: TestSocket[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-turn-cap-'));
  rubricsDir = writeFixtureRubrics(join(dir, 'rubrics'));
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server?.close();
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

const dbFile = () => join(dir, 'mlsd.sqlite');

async function start(): Promise<TestServer> {
  server = await startTestServer({ rubricsDir, dbFile: dbFile(), webDistDir: join(dir, 'no-web') });
  return server;
}

/**
 * Fills a stored session up to `total` turns while no server runs (answering 1,000 times through
 * the socket would test patience, not the cap). The first filler answer has client id `old`; the
 * last turn is the interviewer's, so the restarted server has no reply to catch up on.
 */
function fillTo(id: string, total: number): void {
  const db = createDb(dbFile());
  try {
    const have = db.sessions.transcript(id).length;
    const events: EventDraft[] = [];
    for (let i = have; i < total; i += 1) {
      const role = (total - i) % 2 === 0 ? 'candidate' : 'interviewer';
      const clientId = role === 'candidate' ? (events.length === 0 ? 'old' : `filler-${i}`) : undefined;
      const turn = {
        role,
        step: 'requirements',
        kind: role === 'candidate' ? 'answer' : 'probe',
        text: `turn ${i}`,
        at: 1,
      } as const;
      events.push({ type: 'turn', turn: clientId ? { ...turn, clientId } : turn });
    }
    db.sessions.commit(id, { at: 1, command: { clientId: 'old', type: 'answer' }, events });
  } finally {
    db.close();
  }
}

/** A session created by the server, filled to `turns` while stopped, then served again. */
async function sessionWith(turns: number): Promise<CreateSessionResponse> {
  await start();
  const response = await fetch(`${server!.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ caseId: FIXTURE_CASE_ID, seed: 1 }),
  });
  const session = CreateSessionResponse.parse(await response.json());
  await server!.close();
  server = null;
  fillTo(session.id, turns);
  await start();
  return session;
}

async function joinSession(session: { id: string; token: string }): Promise<TestSocket> {
  const socket = await TestSocket.open(server!.wsUrl);
  sockets.push(socket);
  socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
  await socket.next('snapshot');
  return socket;
}

async function transcriptLength(session: { id: string; token: string }): Promise<number> {
  const response = await fetch(`${server!.url}/api/sessions/${session.id}`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  return SessionDetail.parse(await response.json()).transcript.length;
}

describe('the turn cap of a solo session', () => {
  it('refuses a new answer at the cap with a typed error that names the limit, and loses nothing', async () => {
    const session = await sessionWith(DEFAULT_MAX_TURNS);

    const socket = await joinSession(session);
    socket.send({ type: 'say', clientId: 'over-the-cap', text: 'One more idea about features.' });
    const error = await socket.next('error');
    expect(error).toMatchObject({ code: 'TURN_LIMIT', clientId: 'over-the-cap' });
    expect(error.message).toContain(`limit of ${DEFAULT_MAX_TURNS} turns`);
    expect(error.message).toContain('Nothing was lost');
    expect(await transcriptLength(session)).toBe(DEFAULT_MAX_TURNS);

    // A resend of an answer stored before the cap is still acknowledged, as a duplicate.
    socket.send({ type: 'say', clientId: 'old', text: 'turn again' });
    expect(await socket.next('ack')).toMatchObject({ clientId: 'old', duplicate: true });
    // Ending still works, so the candidate gets a report.
    socket.send({ type: 'timer', action: 'end', clientId: 'end-1' });
    await socket.next('ended', 10_000);
  });

  it('lets an answer in below the cap', async () => {
    const session = await sessionWith(DEFAULT_MAX_TURNS - 2);
    const socket = await joinSession(session);
    socket.send({ type: 'say', clientId: 'under-the-cap', text: 'We could rank by predicted engagement.' });
    expect(await socket.next('ack')).toMatchObject({ clientId: 'under-the-cap', duplicate: false });
  });
});

describe('the turn cap of a peer room', () => {
  it('is the same room limit: a new line at the cap is refused with TURN_LIMIT and nothing is lost', async () => {
    await start();
    const room = await createRoom(server!.url, { caseId: FIXTURE_CASE_ID, durationMinutes: 30 });
    const interviewer = await TestSocket.open(server!.wsUrl);
    sockets.push(interviewer);
    interviewer.send({ type: 'hello', roomId: room.roomId, token: room.interviewer.token });
    await interviewer.next('snapshot');
    interviewer.send({ type: 'timer', clientId: 'go', action: 'start' });
    await interviewer.waitFor((m) => m.type === 'ack' && m.clientId === 'go');
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
    await server!.close();
    server = null;
    // Fill the room's transcript to the cap while no server runs.
    const db = createDb(dbFile());
    try {
      const events: EventDraft[] = [];
      for (let i = 0; i < DEFAULT_MAX_TURNS; i += 1) {
        events.push({
          type: 'turn',
          turn: {
            role: i % 2 ? 'candidate' : 'interviewer',
            step: 'requirements',
            kind: 'answer',
            text: `t${i}`,
            at: 1,
          },
        });
      }
      new PeerStore(db.sqlite).commit(room.roomId, { at: 1, events });
    } finally {
      db.close();
    }
    await start();
    const candidate = await TestSocket.open(server!.wsUrl);
    sockets.push(candidate);
    candidate.send({ type: 'hello', roomId: room.roomId, token: room.candidate.token });
    expect((await candidate.next('snapshot')).transcript).toHaveLength(DEFAULT_MAX_TURNS);
    candidate.send({ type: 'say', clientId: 'one-more', text: 'And another thing.' });
    expect(await candidate.next('error')).toMatchObject({ code: 'TURN_LIMIT', clientId: 'one-more' });
  });
});
