import { CreateSessionResponse, type ServerMessage, type Turn } from '@mlsd/protocol';
import { type ChatRequest, type FakeOpenAi, type FakeReply, startFakeOpenAi } from '@mlsd/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startModelTestServer, type TestServer } from './helpers.ts';
import { TestSocket } from './ws-client.ts';

/**
 * The reply to an answer chooses its own move, in one request (issue 16 with issue 10): the real
 * server on a real port, a real `ws` client, the local OpenAI-compatible fake server. The fake
 * plays the model: it reads the options in the note and writes the header, the message and the
 * trailer as a test says.
 */

const CASE_ID = 'ad-click-prediction';
const LINE = 'Thanks, that helps. How would you turn that into something we can build and measure?';
const FIRST =
  'The auction ranks ads by bid times CTR, so the predicted probability sets the price paid by the advertiser.';
const SECOND =
  'We have about 300 million daily users and I would keep the click model inside a 30 ms p99 budget per request.';
const PROBE = 'Ask this one probing question';
const QUESTION = 'Fair enough. What would have to be true before you trust that number?';

type Delta = Extract<ServerMessage, { type: 'turn_delta' }>;
type TurnEvent = Extract<ServerMessage, { type: 'turn' }>;

/** The options of a note that lets the model choose, as `{ label, instruction }`; [] for any other request. */
function optionsOf(request: ChatRequest): { label: string; instruction: string }[] {
  const note = request.messages.at(-1)?.content ?? '';
  if (!note.includes('[[move: A]]')) return [];
  return [...note.matchAll(/^([A-F]): (.*)$/gm)].map((match) => ({
    label: match[1]!,
    instruction: match[2]!,
  }));
}

/** The open points of a choosing note, by neutral label. */
function openLabels(request: ChatRequest): string[] {
  const note = request.messages.at(-1)?.content ?? '';
  const line = note.split('\n').find((each) => each.includes('not addressed yet')) ?? '';
  return [...line.matchAll(/\b(p\d+): /g)].map((match) => match[1]!);
}

const isPlan = (request: ChatRequest) =>
  (request.messages.at(-1)?.content ?? '').includes('plan the interviewer');

let fake: FakeOpenAi;
let server: TestServer;
const sockets: TestSocket[] = [];
/** How the fake model answers a request that lets it choose; every other turn gets `LINE`. */
let onChoice: (request: ChatRequest) => FakeReply = () => ({ kind: 'text', text: `[[move: A]]\n${LINE}` });

beforeEach(async () => {
  onChoice = () => ({ kind: 'text', text: `[[move: A]]\n${LINE}` });
  fake = await startFakeOpenAi((request) => {
    if (isPlan(request)) return { kind: 'text', text: JSON.stringify({ intent: 'answer' }) };
    if (optionsOf(request).length > 0) return onChoice(request);
    return { kind: 'text', text: LINE, chunkChars: 7 };
  });
  server = await startModelTestServer(fake.url);
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server.close();
  await fake.close();
});

/** An llm session past its opening and a first answer (a step's first answer is only acknowledged). */
async function sessionAtSecondAnswer(): Promise<{ socket: TestSocket; id: string }> {
  const response = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ caseId: CASE_ID, interviewer: 'llm', seed: 7 }),
  });
  const session = CreateSessionResponse.parse(await response.json());
  const socket = await TestSocket.open(server.wsUrl);
  sockets.push(socket);
  socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
  const snapshot = (await socket.next('snapshot')) as Extract<ServerMessage, { type: 'snapshot' }>;
  // The model may still be writing the opening when the seat joins.
  if (!snapshot.transcript.some((turn) => turn.kind === 'opening'))
    await socket.waitFor((m) => m.type === 'turn' && m.turn.kind === 'opening');
  socket.send({ type: 'say', clientId: 'a1', text: FIRST });
  await replyTo(socket, 'a1');
  return { socket, id: session.id };
}

/** The interviewer turn committed after the candidate's message `clientId`. */
async function replyTo(socket: TestSocket, clientId: string): Promise<Turn> {
  await socket.waitFor((m) => m.type === 'turn' && m.turn.clientId === clientId);
  const reply = await socket.waitFor(
    (m) =>
      m.type === 'turn' &&
      m.turn.role === 'interviewer' &&
      m.turn.kind !== 'notice' &&
      socket.received.findIndex((x) => x.type === 'turn' && x.turn.clientId === clientId) <
        socket.received.indexOf(m),
  );
  return (reply as TurnEvent).turn;
}

const shownIn = (socket: TestSocket, draftId: string) =>
  socket.received
    .filter((m): m is Delta => m.type === 'turn_delta' && m.draftId === draftId)
    .map((m) => m.text)
    .join('');

const choosing = () => fake.requests.filter((request) => optionsOf(request).length > 0);

describe('the reply to an answer chooses its move in the same request', () => {
  it('commits the option the header names, and stores that move on the turn and in the engine', async () => {
    let offered: { label: string; instruction: string }[] = [];
    onChoice = (request) => {
      offered = optionsOf(request);
      // A probe other than the one the engine would have asked (option A).
      const other = offered.find((o) => o.label !== 'A' && o.instruction.startsWith(PROBE));
      return { kind: 'text', text: `[[move: ${other?.label ?? 'A'}]]\n${QUESTION}`, chunkChars: 5 };
    };
    const { socket, id } = await sessionAtSecondAnswer();
    socket.send({ type: 'say', clientId: 'a2', text: SECOND });
    const turn = await replyTo(socket, 'a2');
    const [asDefault, chosen] = [
      offered[0]!,
      offered.find((o) => o.label !== 'A' && o.instruction.startsWith(PROBE)),
    ];
    expect(asDefault.instruction.startsWith(PROBE)).toBe(true);
    expect(chosen).toBeDefined();
    expect(turn.text).toBe(QUESTION);
    expect(shownIn(socket, turn.draftId!)).toBe(QUESTION);
    // One model request replied to the answer: no separate plan.
    expect(choosing()).toHaveLength(1);
    expect(fake.requests.filter(isPlan)).toHaveLength(0);

    const stored = server.app.db.sessions.transcript(id).at(-1)!;
    const points = server.app.rubrics.getCase(CASE_ID).steps.requirements.points;
    const pointOf = (option: { instruction: string }) =>
      points.find((point) => option.instruction.includes(`"${point.probe.replace(/\s+/g, ' ').trim()}"`))!.id;
    expect(stored).toMatchObject({ kind: 'probe', probedPointIds: [pointOf(chosen!)], text: QUESTION });
    // The engine committed the chosen probe, not the default one.
    const state = server.app.db.sessions.get(id)!.engineState as { steps: { probed: string[] }[] };
    expect(state.steps[0]!.probed).toEqual([pointOf(chosen!)]);
    expect(pointOf(chosen!)).not.toBe(pointOf(asDefault));
  });

  it('drops a draft whose header names a move that was not offered, shows none of it, and voices the default', async () => {
    onChoice = () => ({ kind: 'text', text: `[[move: Z]]\n${QUESTION}`, chunkChars: 5 });
    const { socket, id } = await sessionAtSecondAnswer();
    const before = fake.requests.length;
    socket.send({ type: 'say', clientId: 'a2', text: SECOND });
    const turn = await replyTo(socket, 'a2');
    // The default move, voiced by a plain second request.
    expect(turn.text).toBe(LINE);
    expect(fake.requests.length - before).toBe(2);
    expect(fake.requests.at(-1)!.messages.at(-1)!.content).toContain('Your next message:');
    expect(shownIn(socket, turn.draftId!)).toBe(LINE);
    const everything = socket.received
      .filter((m): m is Delta => m.type === 'turn_delta')
      .map((m) => m.text)
      .join('');
    expect(everything).not.toContain('Fair enough');
    expect(everything).not.toContain('[[');
    expect(server.app.db.sessions.transcript(id).some((t) => t.text.includes('Fair enough'))).toBe(false);
    expect(server.app.db.sessions.get(id)?.degraded).toBe(false);
  });

  it('reads a header written one character per chunk', async () => {
    onChoice = (request) => {
      const last = optionsOf(request).at(-1)!;
      return { kind: 'text', text: `[[move: ${last.label}]]\n${QUESTION}`, chunkChars: 1 };
    };
    const { socket } = await sessionAtSecondAnswer();
    socket.send({ type: 'say', clientId: 'a2', text: SECOND });
    const turn = await replyTo(socket, 'a2');
    expect(turn.text).toBe(QUESTION);
    expect(shownIn(socket, turn.draftId!)).toBe(QUESTION);
  });

  it('voices the default when the header is missing, with nothing of the draft shown', async () => {
    onChoice = () => ({ kind: 'text', text: QUESTION, chunkChars: 3 });
    const { socket } = await sessionAtSecondAnswer();
    socket.send({ type: 'say', clientId: 'a2', text: SECOND });
    const turn = await replyTo(socket, 'a2');
    expect(turn.text).toBe(LINE);
    expect(shownIn(socket, turn.draftId!)).toBe(LINE);
    expect(socket.received.some((m) => m.type === 'turn_delta' && m.text.includes('Fair enough'))).toBe(
      false,
    );
  });

  it('hides the trailer, and a point it quotes truly is no longer open on the next turn', async () => {
    const seen: { label: string; open: string[] }[] = [];
    onChoice = (request) => {
      const open = openLabels(request);
      const [real, invented] = [open[0]!, open[1]!];
      seen.push({ label: real, open });
      return {
        kind: 'text',
        text: `[[move: A]]\n${QUESTION}\n[[seen: ${real} "30 ms p99 budget"]]\n[[seen: ${invented} "we will shard by region"]]`,
        chunkChars: 4,
      };
    };
    const { socket, id } = await sessionAtSecondAnswer();
    socket.send({ type: 'say', clientId: 'a2', text: SECOND });
    const turn = await replyTo(socket, 'a2');
    expect(turn.text).toBe(QUESTION);
    expect(shownIn(socket, turn.draftId!)).not.toContain('[[');
    expect(server.app.db.sessions.transcript(id).some((t) => t.text.includes('seen:'))).toBe(false);

    socket.send({
      type: 'say',
      clientId: 'a3',
      text: 'I would also want the logs to say which slot each ad was in.',
    });
    await replyTo(socket, 'a3');
    expect(seen).toHaveLength(2);
    const [earlier, later] = [seen[0]!, seen[1]!];
    // The quoted point is gone from what is open; the one with an invented quote is still open.
    expect(later.open).not.toContain(earlier.label);
    expect(later.open).toContain(earlier.open[1]);
  });

  it('replaces a chosen reply that leaks rubric talk', async () => {
    onChoice = (request) => ({
      kind: 'text',
      text: `[[move: ${optionsOf(request).at(-1)!.label}]]\nGood. The rubric says you still need to cover calibration.`,
      chunkChars: 5,
    });
    const { socket, id } = await sessionAtSecondAnswer();
    socket.send({ type: 'say', clientId: 'a2', text: SECOND });
    const turn = await replyTo(socket, 'a2');
    expect(turn.text).not.toMatch(/rubric/i);
    expect(shownIn(socket, turn.draftId!)).not.toMatch(/rubric/i);
    expect(server.app.db.sessions.transcript(id).some((t) => /rubric/i.test(t.text))).toBe(false);
  });
});
