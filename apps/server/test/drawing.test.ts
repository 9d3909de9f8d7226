import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloseCode,
  DRAWING_FORMAT,
  type DrawingElement,
  type DrawingScene,
  MAX_FRAME_BYTES,
  PeerReport,
} from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notesForScoring, whiteboardForModel } from '../src/rooms/drawing-notes.ts';
import { FakeClock } from './fake-clock.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { createRoom } from './peer-client.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { createSoloSession, settleRooms } from './solo-session.ts';
import { TestSocket } from './ws-client.ts';

let dir: string;
let rubricsDir: string;
let server: TestServer;
const sockets: TestSocket[] = [];

async function start(): Promise<void> {
  server = await startTestServer({
    rubricsDir,
    clock: new FakeClock(),
    dbFile: join(dir, 'mlsd.sqlite'),
    webDistDir: join(dir, 'no-web'),
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-drawing-'));
  rubricsDir = writeFixtureRubrics(join(dir, 'rubrics'));
  await start();
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function seat(roomId: string, token: string) {
  const socket = await TestSocket.open(server.wsUrl);
  sockets.push(socket);
  socket.send({ type: 'hello', roomId, token, lastSeq: 0 });
  const snapshot = await socket.next('snapshot');
  return { socket, snapshot };
}

function box(id: string, x: number, text: string): DrawingElement[] {
  return [
    {
      id,
      type: 'rectangle',
      x,
      y: 0,
      width: 160,
      height: 80,
      boundElements: [{ id: `${id}-t`, type: 'text' }],
    },
    { id: `${id}-t`, type: 'text', x: x + 20, y: 30, width: 120, height: 20, text, containerId: id },
  ];
}

const PIPELINE: DrawingScene = {
  format: DRAWING_FORMAT,
  version: 3,
  elements: [
    ...box('store', 0, 'Feature store'),
    ...box('ranker', 400, 'Ranker'),
    {
      id: 'arrow',
      type: 'arrow',
      x: 160,
      y: 40,
      width: 240,
      height: 0,
      points: [
        [0, 0],
        [240, 0],
      ],
      startBinding: { elementId: 'store' },
      endBinding: { elementId: 'ranker' },
      endArrowhead: 'arrow',
    },
  ],
};

describe('the whiteboard of a solo session', () => {
  it('survives a reconnect and a restart, and a drawing over its caps is refused without losing it', async () => {
    const session = await createSoloSession(server.url);
    const first = await seat(session.id, session.token);
    expect(first.snapshot.drawing ?? null).toBeNull();
    first.socket.send({ type: 'drawing', scene: PIPELINE });
    await settleRooms(server.app);
    expect(first.socket.received.some((m) => m.type === 'error')).toBe(false);

    // Too much text: parsed, refused by name, nothing stored.
    const wordy: DrawingScene = {
      ...PIPELINE,
      version: 4,
      elements: Array.from({ length: 6 }, (_, i) => ({
        id: `t${i}`,
        type: 'text' as const,
        x: 0,
        y: i * 30,
        width: 10,
        height: 10,
        text: 'w'.repeat(4000),
      })),
    };
    first.socket.send({ type: 'drawing', scene: wordy });
    const refusal = await first.socket.next('error');
    expect(refusal.code).toBe('PAYLOAD_TOO_LARGE');
    expect(refusal.message).toMatch(/at most 20000 characters of text.*the stored drawing is kept/);

    // Over the frame limit: the socket closes with 1009, the stored drawing stays.
    const huge: DrawingScene = {
      ...PIPELINE,
      version: 5,
      elements: Array.from({ length: 900 }, (_, i) => ({
        id: `r${i}`,
        type: 'rectangle' as const,
        x: i,
        y: i,
        width: 100,
        height: 100,
      })),
    };
    expect(JSON.stringify({ type: 'drawing', scene: huge }).length).toBeGreaterThan(MAX_FRAME_BYTES);
    first.socket.send({ type: 'drawing', scene: huge });
    expect((await first.socket.closed).code).toBe(CloseCode.tooBig);

    const again = await seat(session.id, session.token);
    expect(again.snapshot.drawing).toEqual(PIPELINE);

    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
    await server.close();
    await start();
    const afterRestart = await seat(session.id, session.token);
    expect(afterRestart.snapshot.drawing).toEqual(PIPELINE);
  });
});

describe('the whiteboard of a peer room', () => {
  it('reaches the interviewer live, and only the candidate may draw', async () => {
    const room = await createRoom(server.url, { caseId: FIXTURE_CASE_ID, durationMinutes: 30 });
    const interviewer = await seat(room.roomId, room.interviewer.token);
    const candidate = await seat(room.roomId, room.candidate.token);
    candidate.socket.send({ type: 'drawing', scene: PIPELINE });
    const update = await interviewer.socket.next('drawing_update');
    expect(update.scene).toEqual(PIPELINE);

    interviewer.socket.send({ type: 'drawing', scene: { ...PIPELINE, version: 9, elements: [] } });
    expect((await interviewer.socket.next('error')).code).toBe('FORBIDDEN');
    await settleRooms(server.app);
    const rejoined = await seat(room.roomId, room.interviewer.token);
    expect(rejoined.snapshot.drawing).toEqual(PIPELINE);
    // The candidate's own socket is not sent its drawing back.
    expect(candidate.socket.received.some((m) => m.type === 'drawing_update')).toBe(false);

    // Both seats' reports carry the drawing at the end.
    rejoined.socket.send({ type: 'timer', clientId: 'start', action: 'start' });
    rejoined.socket.send({ type: 'timer', clientId: 'end', action: 'end' });
    await candidate.socket.next('ended');
    for (const token of [room.interviewer.token, room.candidate.token]) {
      const response = await fetch(`${server.url}/api/peer/rooms/${room.roomId}/report`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(PeerReport.parse(await response.json()).drawing).toEqual(PIPELINE);
    }
  });
});

describe('the whiteboard as words', () => {
  it('gives the scorer arrows and sentences after the notes, and the model the whole graph', () => {
    const scoring = notesForScoring('## Plan', PIPELINE);
    expect(scoring).toBe('## Plan\n\nFeature store → Ranker');
    expect(notesForScoring('## Plan', null)).toBe('## Plan');
    // A stored value that no longer fits the schema reads as no drawing.
    expect(notesForScoring('## Plan', { format: 7 })).toBe('## Plan');
    expect(whiteboardForModel(PIPELINE)).toBe(
      'My whiteboard so far, as text:\n[Feature store]\n[Ranker]\nFeature store → Ranker',
    );
  });
});
