import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSessionResponse } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionBrains } from '../src/rooms/solo/brains.ts';
import { createBrains } from '../src/rooms/solo/offline-brains.ts';
import { FakeClock } from './fake-clock.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { TestSocket } from './ws-client.ts';

let dir: string;
let server: TestServer;
const sockets: TestSocket[] = [];
const failures = { voice: 0, uncovered: 0 };

/** The real brains, with failures switched on by the test. */
function flakyBrains(): SessionBrains {
  const real = createBrains();
  return {
    ...real,
    uncovered(request) {
      if (failures.uncovered-- > 0) throw new Error('matcher exploded');
      return real.uncovered(request);
    },
    async voice(request) {
      if (failures.voice-- > 0) throw new Error('interviewer exploded');
      return real.voice(request);
    },
  };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-fail-'));
  failures.voice = 0;
  failures.uncovered = 0;
  server = await startTestServer({
    rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
    clock: new FakeClock(),
    brains: flakyBrains(),
    webDistDir: join(dir, 'none'),
  });
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start() {
  const response = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ caseId: FIXTURE_CASE_ID }),
  });
  const session = CreateSessionResponse.parse(await response.json());
  const socket = await TestSocket.open(server.wsUrl);
  sockets.push(socket);
  socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
  return { session, socket, snapshot: await socket.next('snapshot') };
}

describe('when a part fails', () => {
  it('a failing interviewer gets a neutral line instead of stalling the interview', async () => {
    failures.voice = 1;
    const { snapshot } = await start();
    // Read straight from the rubric: the case prompt, then the step's opening question.
    expect(snapshot.transcript[0]).toMatchObject({
      kind: 'opening',
      text: `${snapshot.room.prompt}\n\nCase opening question for the requirements step?`,
    });
  });

  it('a failing matcher after the ack leaves the answer stored and the session going', async () => {
    const { session, socket } = await start();
    failures.uncovered = 1;
    socket.send({ type: 'say', clientId: 'f-1', text: 'zebra facet1 because of churn.' });
    expect(await socket.next('ack')).toEqual({ type: 'ack', clientId: 'f-1', duplicate: false });
    socket.send({ type: 'say', clientId: 'f-2', text: 'How many daily active users are there?' });
    expect(await socket.next('ack')).toMatchObject({ clientId: 'f-2' });
    const reply = await socket.waitFor((m) => m.type === 'turn' && m.turn.role === 'interviewer');
    expect(reply.type === 'turn' && reply.turn.text).toContain('10 million');
    expect(socket.received.filter((m) => m.type === 'error')).toEqual([]);
    const candidate = server.app.db.sessions
      .transcript(session.id)
      .filter((turn) => turn.role === 'candidate');
    expect(candidate.map((turn) => turn.clientId)).toEqual(['f-1', 'f-2']);
  });
});
