import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Report } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { writeFixtureRubrics } from './rubric-fixture.ts';
import { answerAndReply, createSoloSession, settleRooms } from './solo-session.ts';
import { TestSocket } from './ws-client.ts';

/**
 * The solo candidate's clock controls over a real socket: a pause stops the server's timer, the
 * paused time is charged to no step and survives a restart, and the report says how long it was.
 */
let dir: string;
let clock: FakeClock;
let rubricsDir: string;
let server: TestServer;
const sockets: TestSocket[] = [];
const MINUTE = 60_000;

async function start(): Promise<void> {
  server = await startTestServer({
    rubricsDir,
    clock,
    dbFile: join(dir, 'mlsd.sqlite'),
    webDistDir: join(dir, 'no-web'),
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-solo-clock-'));
  rubricsDir = writeFixtureRubrics(join(dir, 'rubrics'));
  clock = new FakeClock();
  await start();
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const settle = () => settleRooms(server.app);

const createSession = () => createSoloSession(server.url);

async function joinRoom(session: { id: string; token: string }) {
  const socket = await TestSocket.open(server.wsUrl);
  sockets.push(socket);
  socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
  const snapshot = await socket.next('snapshot');
  return { socket, snapshot };
}

/** Sends a clock control and returns the clock frame that follows its ack. */
async function control(socket: TestSocket, action: 'pause' | 'resume', clientId: string) {
  socket.send({ type: 'timer', action, clientId });
  expect(await socket.next('ack')).toEqual({ type: 'ack', clientId, duplicate: false });
  return (await socket.next('clock')).clock;
}

async function report(session: { id: string; token: string }): Promise<Report> {
  const response = await fetch(`${server.url}/api/reports/${session.id}`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  expect(response.status).toBe(200);
  return Report.parse(await response.json());
}

describe('a solo candidate pauses and resumes the clock', () => {
  it('stops the deadline, refuses answers until resumed, and charges the pause to no step', async () => {
    const session = await createSession();
    const { socket, snapshot } = await joinRoom(session);
    const budget = snapshot.clock!.stepBudgetMs;
    const startedAt = snapshot.clock!.stepStartedAt;

    await clock.advance(MINUTE, settle);
    const paused = await control(socket, 'pause', 'p-1');
    expect(paused).toMatchObject({ currentStep: 'requirements', pausedAt: clock.now() });
    expect(paused.steps[0]?.usedMs).toBe(MINUTE);

    // Far past the step's budget: no warning, no step change, the clock stands still.
    socket.skipAll();
    await clock.advance(budget + 10 * MINUTE, settle);
    expect(socket.events()).toHaveLength(0);

    socket.send({ type: 'say', clientId: 'a-paused', text: 'zebra facet1 because users churn.' });
    expect(await socket.next('error')).toMatchObject({ code: 'PAUSED', clientId: 'a-paused' });
    expect(server.app.db.sessions.transcript(session.id).some((t) => t.clientId === 'a-paused')).toBe(false);

    const resumed = await control(socket, 'resume', 'r-1');
    expect(resumed.pausedAt).toBeNull();
    // The step's start moves by the pause: it still has all but the one minute used.
    expect(resumed.stepStartedAt).toBe(startedAt + budget + 10 * MINUTE);
    expect(resumed.steps[0]?.usedMs).toBe(MINUTE);

    // A resent pause is acknowledged as a duplicate and changes nothing.
    socket.send({ type: 'timer', action: 'pause', clientId: 'p-1' });
    expect(await socket.next('ack')).toEqual({ type: 'ack', clientId: 'p-1', duplicate: true });

    // The step times out when what was left of it has run, not before.
    await clock.advance(budget - MINUTE - 1_000, settle);
    expect(socket.events().filter((event) => event.type === 'step')).toHaveLength(0);
    await clock.advance(1_000, settle);
    expect(await socket.next('step')).toMatchObject({ step: 'framing', reason: 'time-up' });

    socket.send({ type: 'timer', action: 'end', clientId: 'e-1' });
    await socket.next('ended');
    const built = await report(session);
    expect(built.pausedMs).toBe(budget + 10 * MINUTE);
    const requirements = built.steps.find((step) => step.id === 'requirements');
    expect(requirements?.usedMs).toBe(budget);
  });

  it('keeps the pause and its length across a server restart', async () => {
    const session = await createSession();
    const { socket, snapshot } = await joinRoom(session);
    const budget = snapshot.clock!.stepBudgetMs;
    await control(socket, 'pause', 'p-1');
    await socket.close();
    await server.close();

    await clock.advance(5 * MINUTE);
    await start();
    await server.app.ready();
    await clock.advance(budget + 5 * MINUTE, settle);
    const back = await joinRoom(session);
    expect(back.snapshot.clock).toMatchObject({
      currentStep: 'requirements',
      pausedAt: snapshot.clock!.serverNow,
    });
    expect(back.snapshot.transcript.every((turn) => turn.kind !== 'move-on')).toBe(true);

    const resumed = await control(back.socket, 'resume', 'r-1');
    expect(resumed.pausedAt).toBeNull();
    back.socket.send({ type: 'timer', action: 'end', clientId: 'e-1' });
    await back.socket.next('ended');
    expect((await report(session)).pausedMs).toBe(budget + 10 * MINUTE);
  });

  it('lets a candidate move on while paused, and the clock runs again', async () => {
    const session = await createSession();
    const { socket } = await joinRoom(session);
    await control(socket, 'pause', 'p-1');
    await clock.advance(3 * MINUTE, settle);
    socket.send({ type: 'timer', action: 'next_step', clientId: 'n-1' });
    expect(await socket.next('step')).toMatchObject({ step: 'framing', reason: 'candidate' });
    const answered = await answer(socket, 'a-1', 'We frame it as ranking: yak facet3 because order matters.');
    expect(answered.turn.role).toBe('interviewer');
  });
});

/** Sends an answer and returns the interviewer's reply. */
const answer = async (socket: TestSocket, clientId: string, text: string) =>
  (await answerAndReply(socket, clientId, text)).reply;

describe('a solo candidate asks for a hint', () => {
  it('gets a graduated hint from the interviewer, counted in the report', async () => {
    const session = await createSession();
    const { socket } = await joinRoom(session);
    await clock.advance(20_000, settle);
    const first = await answer(socket, 'h-1', 'Could I have a hint?');
    expect(first.turn).toMatchObject({ kind: 'hint', hintLevel: 1 });
    await clock.advance(20_000, settle);
    const second = await answer(socket, 'h-2', 'Could I have a hint?');
    expect(second.turn).toMatchObject({ kind: 'hint', hintLevel: 2 });
    const asked = server.app.db.sessions
      .transcript(session.id)
      .filter((turn) => turn.clientId?.startsWith('h-'));
    expect(asked.map((turn) => turn.intent)).toEqual(['hint', 'hint']);

    socket.send({ type: 'timer', action: 'end', clientId: 'e-1' });
    await socket.next('ended');
    const built = await report(session);
    expect(built.steps.find((step) => step.id === 'requirements')?.interventions?.hints).toBe(2);
    // Never paused: the report says so with a zero.
    expect(built.pausedMs).toBe(0);
  });
});
