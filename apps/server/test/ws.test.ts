import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloseCode,
  MAX_ANSWER_CHARS,
  MAX_FRAME_BYTES,
  Report,
  type ServerEvent,
  SessionSummary,
} from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FakeClock } from './fake-clock.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { OWNER_HEADERS } from './owner.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { answerAndReply, createSoloSession, settleRooms } from './solo-session.ts';
import { TestSocket } from './ws-client.ts';

let dir: string;
let clock: FakeClock;
let rubricsDir: string;
let server: TestServer;
const sockets: TestSocket[] = [];
const MINUTE = 60_000;

async function start(): Promise<TestServer> {
  server = await startTestServer({
    rubricsDir,
    clock,
    dbFile: join(dir, 'mlsd.sqlite'),
    webDistDir: join(dir, 'no-web'),
  });
  return server;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-ws-'));
  rubricsDir = writeFixtureRubrics(join(dir, 'rubrics'));
  clock = new FakeClock();
  await start();
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits until the server has finished what the last frame or timer started. */
const settle = () => settleRooms(server.app);

const createSession = (durationMinutes = 30) => createSoloSession(server.url, durationMinutes);

async function connect(): Promise<TestSocket> {
  const socket = await TestSocket.open(server.wsUrl);
  sockets.push(socket);
  return socket;
}

async function joinSession(session: { id: string; token: string }, lastSeq = 0) {
  const socket = await connect();
  socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq });
  const snapshot = await socket.next('snapshot');
  return { socket, snapshot };
}

const answer = answerAndReply;

describe('a whole interview over the socket', () => {
  it('runs from hello to report on the server clock', async () => {
    const session = await createSession(30);
    const { socket, snapshot } = await joinSession(session);
    expect(snapshot.room).toMatchObject({
      id: session.id,
      caseId: FIXTURE_CASE_ID,
      status: 'active',
      reportId: null,
    });
    expect(snapshot.clock!.currentStep).toBe('requirements');
    expect(snapshot.clock!.serverNow).toBe(clock.now());
    expect(snapshot.transcript[0]).toMatchObject({ role: 'interviewer', kind: 'opening' });
    expect(snapshot.transcript[0]?.text).toContain('fixture feed');
    // lastSeq 0: the snapshot already holds the stored events (the opening step is seq 1); none is replayed.
    expect(snapshot.lastSeq).toBeGreaterThanOrEqual(1);

    const first = await answer(
      socket,
      'a-1',
      'The business goal: zebra facet1 matters because people leave when the feed is stale.',
    );
    expect(first.ack).toEqual({ type: 'ack', clientId: 'a-1', duplicate: false });
    expect(first.mine.type === 'turn' && first.mine.turn).toMatchObject({
      role: 'candidate',
      kind: 'answer',
      step: 'requirements',
    });

    const question = await answer(socket, 'a-2', 'How many daily active users are there?');
    expect(question.mine.type === 'turn' && question.mine.turn.kind).toBe('clarification');
    expect(question.reply.turn).toMatchObject({ kind: 'answer' });
    expect(question.reply.turn.text).toContain('10 million');

    const third = await answer(
      socket,
      'a-3',
      'I would also think about zebra facet2, since latency drives engagement.',
    );
    expect(third.reply.turn.kind).toBe('probe');
    // Probed point ids are rubric internals: never sent to the candidate's seat.
    expect(third.reply.turn.probedPointIds).toBeUndefined();
    const stored = server.app.db.sessions.transcript(session.id).find((turn) => turn.kind === 'probe');
    expect(stored?.probedPointIds?.[0]).toMatch(/^requirements-p[3-6]$/);

    socket.send({ type: 'timer', action: 'next_step', clientId: 'n-1' });
    expect(await socket.next('ack')).toEqual({ type: 'ack', clientId: 'n-1', duplicate: false });
    expect(await socket.next('step')).toMatchObject({ step: 'framing', index: 1, reason: 'candidate' });

    socket.send({
      type: 'notes',
      text: 'yak facet1 because the label is a click; yak facet2 since ranking.',
    });
    await answer(socket, 'a-4', 'We frame it as ranking: yak facet3 because order matters more than scores.');

    // The framing step's budget runs out on the server clock: a warning, then the next step.
    const framingBudget = snapshot.clock!.steps[1]!.budgetMs;
    await clock.advance(framingBudget, settle);
    expect(await socket.next('warning')).toMatchObject({ step: 'framing' });
    expect(await socket.next('step')).toMatchObject({ step: 'data', reason: 'time-up' });

    // The rest of the interview passes without a word: every step times out, then the end.
    await clock.advance(30 * MINUTE, settle);
    const ended = await socket.next('ended');
    expect(ended).toMatchObject({ reason: 'time-up', reportId: session.id });
    const seqs = socket.events().map((event) => event.seq);
    // Numbered from just after the snapshot, without a gap.
    expect(seqs).toEqual(seqs.map((_, index) => snapshot.lastSeq + index + 1));

    const reportResponse = await fetch(`${server.url}/api/reports/${ended.reportId}`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(reportResponse.status).toBe(200);
    const report = Report.parse(await reportResponse.json());
    expect(report).toMatchObject({ caseId: FIXTURE_CASE_ID, sessionId: session.id, scorer: 'offline' });
    const requirements = report.steps.find((step) => step.id === 'requirements');
    expect(requirements?.covered.map((point) => point.pointId)).toContain('requirements-p1');
    const framing = report.steps.find((step) => step.id === 'framing');
    expect(framing?.covered.some((point) => point.evidence.turnIndex === null)).toBe(true);

    const list = z
      .array(SessionSummary)
      .parse(await (await fetch(`${server.url}/api/sessions`, { headers: OWNER_HEADERS })).json());
    expect(list[0]).toMatchObject({
      id: session.id,
      status: 'ended',
      reportId: session.id,
      overall: report.overall,
    });
    expect(list[0]?.stepScores?.requirements).toBe(requirements?.score);

    // A seat that comes back after the end sees the ended room and where the report is.
    const late = await joinSession(session, ended.seq);
    expect(late.snapshot.room).toMatchObject({ status: 'ended', reportId: session.id });
    late.socket.send({ type: 'say', clientId: 'a-late', text: 'one more thing' });
    expect(await late.socket.next('error')).toMatchObject({ code: 'ROOM_ENDED', clientId: 'a-late' });
  });

  it('ends early on request, with a wrap-up and a stored report', async () => {
    const session = await createSession(45);
    const { socket } = await joinSession(session);
    await answer(socket, 'a-1', 'zebra facet1 because it drives revenue.');
    socket.send({ type: 'timer', action: 'end', clientId: 'e-1' });
    expect(await socket.next('ack')).toMatchObject({ clientId: 'e-1', duplicate: false });
    const wrapUp = await socket.waitFor((m) => m.type === 'turn' && m.turn.kind === 'wrap-up');
    const ended = await socket.next('ended');
    expect(ended.seq).toBeGreaterThan((wrapUp as ServerEvent).seq);
    expect(ended.reason).toBe('ended-early');
    expect(server.app.db.sessions.report(session.id)?.report.sessionId).toBe(session.id);
    expect(server.app.db.sessions.get(session.id)).toMatchObject({
      status: 'ended',
      endReason: 'ended-early',
    });
  });
});

describe('bad frames', () => {
  it('gets a typed error for each, and the session carries on', async () => {
    const session = await createSession();
    const socket = await connect();
    socket.send('not json');
    expect(await socket.next('error')).toMatchObject({
      code: 'BAD_MESSAGE',
      message: expect.stringContaining('not valid JSON'),
    });
    socket.send('[1,2]');
    expect((await socket.next('error')).message).toMatch(/JSON objects with a "type"/);
    socket.send({ type: 'shout', text: 'hi' });
    expect((await socket.next('error')).message).toMatch(
      /unknown message type "shout"; expected one of hello, say/,
    );
    socket.send({ type: 'say', clientId: 'x-1', text: 'before hello' });
    expect(await socket.next('error')).toMatchObject({ code: 'NOT_JOINED', clientId: 'x-1' });
    socket.send({ type: 'hello', roomId: session.id, token: 'wrong', lastSeq: 0 });
    expect(await socket.next('error')).toMatchObject({ code: 'UNAUTHORIZED' });
    socket.send({ type: 'hello', roomId: 'nope', token: session.token, lastSeq: 0 });
    const unknown = await socket.next('error');
    expect(unknown.code).toBe('UNAUTHORIZED');
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await socket.next('error')).message).toMatch(/binary frames/);

    socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
    await socket.next('snapshot');
    socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
    expect(await socket.next('error')).toMatchObject({ code: 'ALREADY_JOINED' });
    socket.send({ type: 'say', clientId: 'bad id!', text: 'hi' });
    expect((await socket.next('error')).message).toMatch(/^invalid say message: clientId: /);
    socket.send({ type: 'say', clientId: 'long-1', text: 'x'.repeat(MAX_ANSWER_CHARS + 1) });
    const tooLong = await socket.next('error');
    expect(tooLong).toMatchObject({ code: 'TEXT_TOO_LONG', clientId: 'long-1' });
    expect(tooLong.message).toContain(String(MAX_ANSWER_CHARS));
    socket.send({ type: 'say', clientId: 'empty-1', text: '   ' });
    expect((await socket.next('error')).message).toMatch(/the message is empty/);

    const ok = await answer(socket, 'ok-1', 'Still here: zebra facet1 because growth.');
    expect(ok.ack.duplicate).toBe(false);
    const stored = server.app.db.sessions.transcript(session.id).filter((turn) => turn.role === 'candidate');
    expect(stored.map((turn) => turn.clientId)).toEqual(['ok-1']);
  });

  it(`closes a frame over ${MAX_FRAME_BYTES} bytes with 1009 and keeps serving others`, async () => {
    const session = await createSession();
    const { socket: big } = await joinSession(session);
    const { socket: other } = await joinSession(session);
    big.send({ type: 'notes', text: 'x'.repeat(MAX_FRAME_BYTES) });
    expect((await big.closed).code).toBe(CloseCode.tooBig);
    const ok = await answer(other, 'after-big', 'zebra facet1 because the feed is stale.');
    expect(ok.ack.duplicate).toBe(false);
    const fresh = await joinSession(session);
    expect(fresh.snapshot.transcript.some((turn) => turn.clientId === 'after-big')).toBe(true);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('never negotiates per-message compression, even when the client offers it', async () => {
    const socket = await TestSocket.open(server.wsUrl, { perMessageDeflate: true });
    sockets.push(socket);
    expect(socket.ws.extensions).toBe('');
  });
});

describe('delivery', () => {
  it('stores a resent client id once and acknowledges it as a duplicate', async () => {
    const session = await createSession();
    const { socket } = await joinSession(session);
    socket.send({ type: 'say', clientId: 'same-1', text: 'zebra facet1 because of churn.' });
    socket.send({ type: 'say', clientId: 'same-1', text: 'zebra facet1 because of churn.' });
    expect(await socket.next('ack')).toEqual({ type: 'ack', clientId: 'same-1', duplicate: false });
    expect(await socket.next('ack')).toEqual({ type: 'ack', clientId: 'same-1', duplicate: true });
    // After a reconnect the browser resends its outbox with the same id.
    await socket.close();
    const again = await joinSession(session);
    again.socket.send({ type: 'say', clientId: 'same-1', text: 'zebra facet1 because of churn.' });
    expect(await again.socket.next('ack')).toEqual({ type: 'ack', clientId: 'same-1', duplicate: true });
    await settle();
    const mine = server.app.db.sessions.transcript(session.id).filter((turn) => turn.clientId === 'same-1');
    expect(mine).toHaveLength(1);
  });

  it('holds frames that arrive while hello is still loading the session', async () => {
    const session = await createSession();
    const socket = await connect();
    // No waiting between the frames: the answer lands while the hello is being handled.
    socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
    socket.send({ type: 'say', clientId: 'eager-1', text: 'zebra facet1 because churn.' });
    socket.send({ type: 'notes', text: 'eager notes' });
    await socket.next('snapshot');
    expect(await socket.next('ack')).toEqual({ type: 'ack', clientId: 'eager-1', duplicate: false });
    await settle();
    expect(socket.received.some((m) => m.type === 'error')).toBe(false);
    expect(server.app.db.sessions.get(session.id)?.notes).toBe('eager notes');
  });

  it('catches a reconnecting seat up through its snapshot, sending nothing twice', async () => {
    const session = await createSession();
    const { socket: first } = await joinSession(session);
    await answer(first, 'r-1', 'zebra facet1 because of churn.');
    await settle();
    const seen = Math.max(...first.events().map((event) => event.seq));
    await first.close();

    const { socket: other } = await joinSession(session, seen);
    await answer(other, 'r-2', 'How many daily active users are there?');
    other.send({ type: 'timer', action: 'next_step', clientId: 'r-3' });
    await other.waitFor((m) => m.type === 'step' && m.step === 'framing');
    await settle();
    const missed = server.app.db.sessions.eventsAfter(session.id, seen);
    expect(missed.length).toBeGreaterThan(3);

    const back = await connect();
    back.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: seen });
    const snapshot = await back.next('snapshot');
    expect(snapshot.lastSeq).toBe(missed.at(-1)?.seq);
    // The missed turns are in the snapshot's transcript; no stored event follows it.
    const missedTurns = missed.flatMap((event) => (event.type === 'turn' ? [event.turn.id] : []));
    expect(missedTurns.length).toBeGreaterThan(0);
    for (const id of missedTurns) expect(snapshot.transcript.map((turn) => turn.id)).toContain(id);
    await back.next('presence');
    expect(back.events()).toEqual([]);
  });

  it('resumes a session after a restart on the same database file', async () => {
    const session = await createSession(30);
    const { socket } = await joinSession(session);
    await answer(socket, 'before-1', 'zebra facet1 because users churn.');
    await socket.close();
    await server.close();

    await start();
    const { socket: back, snapshot } = await joinSession(session);
    expect(snapshot.room.status).toBe('active');
    expect(snapshot.transcript.some((turn) => turn.clientId === 'before-1')).toBe(true);
    const after = await answer(back, 'after-1', 'zebra facet2 because latency matters to people.');
    expect(after.ack.duplicate).toBe(false);
    // The resumed session's timer runs: the first step times out on the server clock.
    await clock.advance(snapshot.clock!.stepBudgetMs, settle);
    expect(await back.next('step')).toMatchObject({ step: 'framing', reason: 'time-up' });
  });

  it('replies after a restart to an answer that was acknowledged but never answered', async () => {
    const session = await createSession(30);
    await settle();
    // What a crash between the ack and the reply leaves behind: the answer stored, no reply.
    const text = 'How many daily active users do we have?';
    server.app.db.sessions.commit(session.id, {
      at: clock.now(),
      command: { clientId: 'orphan-1', type: 'answer' },
      events: [
        {
          type: 'turn',
          turn: {
            role: 'candidate',
            step: 'requirements',
            kind: 'clarification',
            text,
            at: clock.now(),
            clientId: 'orphan-1',
          },
        },
      ],
    });
    await server.close();

    await start();
    const { snapshot } = await joinSession(session);
    const index = snapshot.transcript.findIndex((turn) => turn.clientId === 'orphan-1');
    expect(index).toBeGreaterThan(0);
    expect(snapshot.transcript.filter((turn) => turn.clientId === 'orphan-1')).toHaveLength(1);
    expect(snapshot.transcript[index + 1]).toMatchObject({ role: 'interviewer', kind: 'answer' });
    expect(snapshot.transcript).toHaveLength(index + 2);
  });

  it('resumes timers at start, even before anyone reconnects', async () => {
    const session = await createSession(30);
    await server.close();
    await start();
    await server.app.ready();
    await clock.advance(30 * MINUTE + 1_000, settle);
    expect(server.app.db.sessions.get(session.id)).toMatchObject({ status: 'ended', endReason: 'time-up' });
    expect(server.app.db.sessions.report(session.id)).toBeDefined();
  });
});
