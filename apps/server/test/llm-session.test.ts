import { CreateSessionResponse, Report, type ServerMessage, type Turn } from '@mlsd/protocol';
import { type ChatRequest, type FakeOpenAi, type FakeReply, startFakeOpenAi } from '@mlsd/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_FAILED_NOTICE } from '../src/rooms/solo/voice.ts';
import { startModelTestServer, type TestServer } from './helpers.ts';
import { TestSocket } from './ws-client.ts';

/**
 * The model interviewer and judge end to end: the real server on a real port, a real `ws`
 * client, and the local OpenAI-compatible fake server (real HTTP, real server-sent events).
 */

const CASE_ID = 'ad-click-prediction';
const LINE = 'Thanks, that helps. How would you turn that into something we can build and measure?';
const WRAP = "We're out of time, so let's stop here. Thank you for walking me through it.";
const ANSWER =
  'The auction ranks ads by bid times CTR, so the predicted probability sets the price paid by the advertiser.';
const REAL_QUOTE = 'The auction ranks ads by bid times CTR';
const INVENTED_QUOTE = 'I would calibrate every segment with isotonic regression each night';

type JudgeEntry = { quote: string; turn: number | null; level: 'mentioned' | 'explained'; credit: number };

/** The step's point ids, read from the structured-output schema of a judge request. */
function pointIds(request: ChatRequest): string[] {
  const format = request.response_format as {
    json_schema: {
      schema: { properties: { points: { items: { properties: { pointId: { enum: string[] } } } } } };
    };
  };
  return format.json_schema.schema.properties.points.items.properties.pointId.enum;
}

/** The enum of ids a list property of the judge's schema asks for ([] when the step has none). */
function listedIds(request: ChatRequest, list: 'redFlags' | 'curveballs', key: string): string[] {
  const format = request.response_format as {
    json_schema: {
      schema: { properties: Record<string, { items: { properties: Record<string, { enum?: string[] }> } }> };
    };
  };
  return format.json_schema.schema.properties[list]?.items.properties[key]?.enum ?? [];
}

function judgeReply(request: ChatRequest, decide: (id: string) => JudgeEntry | undefined): FakeReply {
  const points = pointIds(request).map((pointId) => ({
    pointId,
    quote: '',
    turn: null,
    reason: 'not addressed',
    level: 'missed',
    credit: 0,
    ...decide(pointId),
  }));
  const redFlags = listedIds(request, 'redFlags', 'flagId').map((flagId) => ({
    flagId,
    quote: '',
    turn: null,
    reason: 'not said',
    said: 'absent',
  }));
  const curveballs = listedIds(request, 'curveballs', 'curveballId').map((curveballId) => ({
    curveballId,
    quote: '',
    turn: null,
    reason: 'not answered',
    covered: [],
  }));
  return { kind: 'text', text: JSON.stringify({ points, redFlags, curveballs }) };
}

/** A plan request: the model reads the candidate's message (it says only what the message does). */
function isPlan(request: ChatRequest): boolean {
  return (request.messages.at(-1)?.content ?? '').includes('plan the interviewer');
}

/** Interviewer turns stream in small chunks; the judge credits one real quote and one invented one. */
function script(overrides: { turn?: (n: number) => FakeReply | null; judge?: FakeReply | null } = {}) {
  let turns = 0;
  return (request: ChatRequest): FakeReply => {
    if (request.response_format !== undefined) {
      if (overrides.judge) return overrides.judge;
      return judgeReply(request, (id) => {
        if (id === 'prediction-drives-auction')
          return { quote: REAL_QUOTE, turn: 1, level: 'explained', credit: 0.9 };
        if (id === 'pointwise-probability')
          return { quote: INVENTED_QUOTE, turn: 1, level: 'explained', credit: 1 };
        return undefined;
      });
    }
    if (isPlan(request)) return { kind: 'text', text: JSON.stringify({ intent: 'answer' }) };
    const n = turns++;
    const override = overrides.turn?.(n);
    if (override) return override;
    const note = request.messages.at(-1)?.content ?? '';
    const text = /Thank the candidate/.test(note) ? WRAP : LINE;
    return { kind: 'text', text, chunkChars: 7, chunkDelayMs: 1 };
  };
}

let fake: FakeOpenAi;
let server: TestServer;
const sockets: TestSocket[] = [];

async function startServer(): Promise<void> {
  server = await startModelTestServer(fake.url, { MLSD_JUDGE_TIMEOUT_MS: '5000' });
}

beforeEach(async () => {
  fake = await startFakeOpenAi(script());
  await startServer();
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server.close();
  await fake.close();
});

async function createSession(interviewer: 'llm' | 'offline' = 'llm') {
  const response = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ caseId: CASE_ID, interviewer, seed: 7 }),
  });
  expect(response.status).toBe(201);
  return CreateSessionResponse.parse(await response.json());
}

async function join(session: { id: string; token: string }, lastSeq = 0) {
  const socket = await TestSocket.open(server.wsUrl);
  sockets.push(socket);
  socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq });
  const snapshot = await socket.next('snapshot');
  return { socket, snapshot };
}

/** The opening, from the snapshot or (the model still writing it when the seat joined) its event. */
async function opening(
  socket: TestSocket,
  snapshot: Extract<ServerMessage, { type: 'snapshot' }>,
): Promise<Turn> {
  const stored = snapshot.transcript.find((turn) => turn.kind === 'opening');
  if (stored) return stored;
  const event = await socket.waitFor((m) => m.type === 'turn' && m.turn.kind === 'opening');
  return (event as TurnEvent).turn;
}

async function report(session: { id: string; token: string }): Promise<Report> {
  const response = await fetch(`${server.url}/api/reports/${session.id}`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  expect(response.status).toBe(200);
  return Report.parse(await response.json());
}

type Delta = Extract<ServerMessage, { type: 'turn_delta' }>;
type TurnEvent = Extract<ServerMessage, { type: 'turn' }>;

const deltasOf = (socket: TestSocket, draftId: string) =>
  socket.received.filter((m): m is Delta => m.type === 'turn_delta' && m.draftId === draftId);
const turnsOf = (socket: TestSocket) =>
  socket.received.filter((m): m is TurnEvent => m.type === 'turn').map((m) => m.turn);

/** Every stored turn once, in order, with no gap in the ids. */
function expectNoDuplicates(transcript: Turn[]): void {
  expect(transcript.map((turn) => turn.id)).toEqual(transcript.map((_, i) => String(i)));
}

describe('an llm session over the real socket', () => {
  it('catches a seat that joins half-way up on the draft being written', async () => {
    // The model writes part of the opening, then goes silent until the idle watchdog gives up.
    const written = [
      'Welcome to the interview. Here is the case ',
      'we will work on today, so take a moment ',
      'and ',
    ];
    fake.setScript(script({ turn: (n) => (n === 0 ? { kind: 'hang', afterChunks: written } : null) }));
    const session = await createSession();
    const first = await join(session);
    expect(first.snapshot.transcript).toEqual([]);
    const firstDelta = (await first.socket.next('turn_delta')) as Delta;
    // Nothing more comes until the watchdog fires; a second seat joins now.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const shown = deltasOf(first.socket, firstDelta.draftId)
      .map((d) => d.text)
      .join('');
    expect(written.join('').startsWith(shown)).toBe(true);
    const second = await join(session);
    expect(second.snapshot.transcript).toEqual([]);
    const caughtUp = (await second.socket.next('turn_delta')) as Delta;
    expect(caughtUp).toEqual({
      type: 'turn_delta',
      draftId: firstDelta.draftId,
      step: 'requirements',
      text: shown,
    });

    // Then both see the draft dropped and the offline opening, with the notice, committed once.
    for (const seat of [first.socket, second.socket]) {
      expect(await seat.next('turn_discard', 5_000)).toMatchObject({
        draftId: firstDelta.draftId,
        reason: 'failed',
      });
      const turn = await opening(seat, second.snapshot);
      expect(turn.draftId).toBe(firstDelta.draftId);
      expect(turn.text).not.toContain(shown);
    }
    const stored = server.app.db.sessions.transcript(session.id);
    expect(stored.map((t) => t.kind)).toEqual(['notice', 'opening']);
    expectNoDuplicates(stored);
  });

  it('streams each interviewer message as drafts, then commits exactly the streamed text', async () => {
    const session = await createSession();
    const { socket, snapshot } = await join(session);
    expect(snapshot.room).toMatchObject({ interviewer: 'llm', degraded: false });
    expect(await opening(socket, snapshot)).toMatchObject({ role: 'interviewer', text: LINE });

    socket.send({ type: 'say', clientId: 'a1', text: ANSWER });
    expect(await socket.next('ack')).toMatchObject({ clientId: 'a1', duplicate: false });
    const reply = await socket.waitFor((m) => m.type === 'turn' && m.turn.role === 'interviewer');
    const turn = (reply as TurnEvent).turn;
    expect(turn.draftId).toBeDefined();
    const deltas = deltasOf(socket, turn.draftId!);
    // The first piece goes out at once; what follows within a tick comes as one frame.
    expect(deltas.length).toBeGreaterThan(1);
    // Every piece arrived before the committed turn, and together they are its text.
    expect(socket.received.indexOf(deltas.at(-1)!)).toBeLessThan(socket.received.indexOf(reply));
    expect(deltas.map((delta) => delta.text).join('')).toBe(turn.text);
    expect(turn.text).toBe(LINE);
    expect(socket.received.some((m) => m.type === 'turn_discard')).toBe(false);

    socket.send({ type: 'timer', action: 'end', clientId: 'end-1' });
    const ended = await socket.next('ended', 15_000);
    const wrap = turnsOf(socket).find((t) => t.kind === 'wrap-up')!;
    expect(wrap.text).toBe(WRAP);
    expect(
      deltasOf(socket, wrap.draftId!)
        .map((delta) => delta.text)
        .join(''),
    ).toBe(WRAP);

    const stored = server.app.db.sessions.transcript(session.id);
    expectNoDuplicates(stored);
    expect(stored.filter((t) => t.role === 'candidate').map((t) => t.text)).toEqual([ANSWER]);
    expect(server.app.db.sessions.get(session.id)?.degraded).toBe(false);

    const graded = await report({ id: ended.reportId, token: session.token });
    expect(graded.scorer).toBe('judge');
    expect(graded.flags.some((flag) => flag.kind === 'judge-failed')).toBe(false);
    expect(graded.comparison).toBeTruthy();
    expect(graded.comparison!.overall.judge).toBe(graded.overall);
    // The judge graded all seven steps, and the one step where it credited something twice (its
    // second run confirms a verdict). The answer was read by the request that replied to it: no
    // separate plan (see llm-choice.test.ts).
    expect(fake.requests.filter((r) => r.response_format !== undefined)).toHaveLength(8);
    expect(fake.requests.filter(isPlan)).toHaveLength(0);
  });

  it('coalesces a burst of one-character deltas per tick, in order, all before the turn', async () => {
    // The opening streams normally; the reply comes as one character per chunk, with no pause.
    fake.setScript(
      script({
        turn: (n) => (n === 1 ? { kind: 'text', text: LINE, chunkChars: 1, chunkDelayMs: 0 } : null),
      }),
    );
    const session = await createSession();
    const { socket, snapshot } = await join(session);
    await opening(socket, snapshot);
    socket.send({ type: 'say', clientId: 'a1', text: ANSWER });
    const reply = await socket.waitFor(
      (m) => m.type === 'turn' && m.turn.role === 'interviewer' && m.turn.kind !== 'opening',
    );
    const turn = (reply as TurnEvent).turn;
    const deltas = deltasOf(socket, turn.draftId!);
    expect(deltas.map((delta) => delta.text).join('')).toBe(turn.text);
    expect(turn.text).toBe(LINE);
    // Sent one frame per guarded piece this would be 16 frames (one per word or space); a burst
    // takes a tick or two.
    expect(deltas.length).toBeLessThanOrEqual(6);
    const lastDelta = socket.received.indexOf(deltas.at(-1)!);
    expect(lastDelta).toBeLessThan(socket.received.indexOf(reply));
  });

  it('keeps a session that streams one slow character at a time from holding up another', async () => {
    const SLOW = 'The slow session asks about calibration of the auction price.';
    // Session A's reply trickles one character every 80 ms (a model stalling between pieces of a
    // word, about 7 s for the line); session B's streams as usual. B's whole reply must arrive
    // while A's is still open.
    const base = script();
    fake.setScript((request) => {
      const forA = request.messages.some((message) => (message.content ?? '').includes(SLOW));
      if (forA && request.response_format === undefined && !isPlan(request))
        return { kind: 'text', text: LINE, chunkChars: 1, chunkDelayMs: 80 };
      return base(request);
    });
    const [a, b] = [await createSession(), await createSession()];
    const seatA = await join(a);
    const seatB = await join(b);
    await opening(seatA.socket, seatA.snapshot);
    await opening(seatB.socket, seatB.snapshot);
    seatA.socket.send({ type: 'say', clientId: 'slow-1', text: SLOW });
    // A's draft has started streaming before B asks.
    await seatA.socket.waitFor((m) => m.type === 'turn_delta');
    seatB.socket.send({ type: 'say', clientId: 'fast-1', text: ANSWER });
    const replyB = await seatB.socket.waitFor(
      (m) => m.type === 'turn' && m.turn.role === 'interviewer' && m.turn.kind !== 'opening',
    );
    expect((replyB as TurnEvent).turn.text).toBe(LINE);
    // A's reply is still being written: no interviewer turn after the opening yet.
    expect(
      turnsOf(seatA.socket).filter((turn) => turn.role === 'interviewer' && turn.kind !== 'opening'),
    ).toEqual([]);
    const replyA = await seatA.socket.waitFor(
      (m) => m.type === 'turn' && m.turn.role === 'interviewer' && m.turn.kind !== 'opening',
      30_000,
    );
    const turnA = (replyA as TurnEvent).turn;
    expect(turnA.text).toBe(LINE);
    expect(
      deltasOf(seatA.socket, turnA.draftId!)
        .map((delta) => delta.text)
        .join(''),
    ).toBe(LINE);
  });

  it('credits only quotes the candidate wrote, and marks where the judge and the offline scorer disagree', async () => {
    const session = await createSession();
    const { socket, snapshot } = await join(session);
    await opening(socket, snapshot);
    socket.send({ type: 'say', clientId: 'a1', text: ANSWER });
    await socket.next('ack');
    socket.send({ type: 'timer', action: 'end', clientId: 'end-1' });
    await socket.next('ended', 15_000);

    const graded = await report(session);
    const points = graded.steps.flatMap((step) => step.covered);
    expect(points.find((p) => p.pointId === 'prediction-drives-auction')?.evidence.quote).toBe(REAL_QUOTE);
    // The invented quote earns nothing, and the report says so.
    expect(points.some((p) => p.pointId === 'pointwise-probability')).toBe(false);
    expect(graded.flags.map((flag) => flag.message).join(' ')).toContain(
      'quoted text the candidate never wrote',
    );
    for (const point of points) expect(ANSWER).toContain(point.evidence.quote);

    const compared = graded.comparison!.steps.flatMap((step) => step.points);
    const invented = compared.find((p) => p.pointId === 'pointwise-probability')!;
    expect(invented.judge.level).toBe('missed');
    const agreementOf = new Map(compared.map((p) => [p.pointId, p.agreement]));
    for (const disagreement of graded.comparison!.disagreements)
      expect(agreementOf.get(disagreement.pointId)).not.toBe('agree');
  });

  it('falls back to the offline interviewer when a stream is cut half-way, once, and says so', async () => {
    // Turn 0 is the opening; turn 1 (the reply to the answer) is cut after two chunks. The leak
    // guard holds the last five words back, so the chunks are long enough for some to show.
    const partial = ['Thanks, that helps a lot. Let us stay with ', 'the auction for a moment: how would '];
    fake.setScript(script({ turn: (n) => (n === 1 ? { kind: 'cut', chunks: partial } : null) }));
    const session = await createSession();
    const { socket, snapshot } = await join(session);
    await opening(socket, snapshot);
    socket.send({ type: 'say', clientId: 'a1', text: ANSWER });
    await socket.next('ack');
    const discard = (await socket.next('turn_discard')) as Extract<ServerMessage, { type: 'turn_discard' }>;
    expect(discard.reason).toBe('failed');
    const shown = deltasOf(socket, discard.draftId)
      .map((d) => d.text)
      .join('');
    expect(shown.length).toBeGreaterThan(0);
    expect(partial.join('').startsWith(shown)).toBe(true);

    const notice = await socket.waitFor((m) => m.type === 'turn' && m.turn.kind === 'notice');
    expect((notice as TurnEvent).turn.text).toBe(MODEL_FAILED_NOTICE);
    const replacement = (await socket.waitFor(
      (m) => m.type === 'turn' && m.turn.role === 'interviewer' && m.turn.kind !== 'notice',
    )) as TurnEvent;
    // The committed turn replaces the discarded draft and is the offline interviewer's, not the partial.
    expect(replacement.turn.draftId).toBe(discard.draftId);
    expect(replacement.turn.text).not.toContain(shown);
    expect(replacement.turn.text.length).toBeGreaterThan(0);
    expect(server.app.db.sessions.get(session.id)?.degraded).toBe(true);

    // The next turn goes back to the model, with no second notice.
    socket.send({
      type: 'say',
      clientId: 'a2',
      text: 'I would start with logistic regression on hashed features.',
    });
    await socket.next('ack');
    const next = (await socket.waitFor(
      (m) => m.type === 'turn' && m.turn.role === 'interviewer',
    )) as TurnEvent;
    expect(next.turn.text).toBe(LINE);

    // A reconnecting seat sees the session degraded, and every message once.
    const again = await join(session, 0);
    expect(again.snapshot.room.degraded).toBe(true);
    const stored = server.app.db.sessions.transcript(session.id);
    expectNoDuplicates(stored);
    expect(again.snapshot.transcript.map((t) => t.text)).toEqual(stored.map((t) => t.text));
    expect(stored.filter((t) => t.kind === 'notice')).toHaveLength(1);
    expect(stored.filter((t) => t.role === 'candidate').map((t) => t.clientId)).toEqual(['a1', 'a2']);
    expect(stored.some((t) => t.text.includes(shown))).toBe(false);

    again.socket.send({ type: 'timer', action: 'end', clientId: 'end-1' });
    await again.socket.next('ended', 15_000);
    const graded = await report(session);
    expect(graded.flags.map((flag) => flag.kind)).toContain('degraded');
    expect(graded.flags.find((flag) => flag.message.includes('language model failed'))).toBeTruthy();
  });

  it('replaces a message that leaks rubric talk with the offline line', async () => {
    fake.setScript(
      script({
        turn: (n) =>
          n === 1
            ? {
                kind: 'text',
                text: 'Good. The rubric says you still need to cover calibration.',
                chunkChars: 5,
              }
            : null,
      }),
    );
    const session = await createSession();
    const { socket, snapshot } = await join(session);
    await opening(socket, snapshot);
    socket.send({ type: 'say', clientId: 'a1', text: ANSWER });
    await socket.next('ack');
    const reply = (await socket.waitFor(
      (m) => m.type === 'turn' && m.turn.role === 'interviewer',
    )) as TurnEvent;
    expect(reply.turn.text).not.toMatch(/rubric/i);
    const shown = deltasOf(socket, reply.turn.draftId!)
      .map((d) => d.text)
      .join('');
    expect(shown).not.toMatch(/rubric/i);
    if (shown !== '')
      expect(socket.received.some((m) => m.type === 'turn_discard' && m.reason === 'replaced')).toBe(true);
    expect(server.app.db.sessions.get(session.id)?.degraded).toBe(false);
  });

  it('gives the offline report, flagged, when the judge fails', async () => {
    fake.setScript(script({ judge: { kind: 'status', status: 500, message: 'judge is down' } }));
    const session = await createSession();
    const { socket, snapshot } = await join(session);
    await opening(socket, snapshot);
    socket.send({ type: 'say', clientId: 'a1', text: ANSWER });
    await socket.next('ack');
    socket.send({ type: 'timer', action: 'end', clientId: 'end-1' });
    await socket.next('ended', 15_000);
    const graded = await report(session);
    expect(graded.scorer).toBe('offline');
    expect(graded.comparison ?? null).toBeNull();
    const flag = graded.flags.find((f) => f.kind === 'judge-failed');
    expect(flag?.message).toContain("these scores are the offline scorer's");
  });

  it('leaves offline sessions to the offline interviewer and scorer', async () => {
    const before = fake.requests.length;
    const session = await createSession('offline');
    const { socket, snapshot } = await join(session);
    expect(snapshot.room).toMatchObject({ interviewer: 'offline', degraded: false });
    socket.send({ type: 'say', clientId: 'a1', text: ANSWER });
    await socket.next('ack');
    socket.send({ type: 'timer', action: 'end', clientId: 'end-1' });
    await socket.next('ended', 15_000);
    expect(socket.received.some((m) => m.type === 'turn_delta')).toBe(false);
    expect((await report(session)).scorer).toBe('offline');
    expect(fake.requests.length).toBe(before);
  });
});
