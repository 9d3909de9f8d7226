import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RETRYABLE_CODES } from '@mlsd/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';
import { createRoom } from './peer-client.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { TestSocket } from './ws-client.ts';

// A swap that no case can serve is refused for good, with its own code: clients resend only
// retryable refusals, and sending this one again would change nothing.

describe('a swap with no case left to swap into', () => {
  let dir: string;
  let server: TestServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mlsd-swap-refusal-'));
    // One case only: whoever interviewed on it has seen its answer key, so nothing is left.
    server = await startTestServer({ rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')) });
  });

  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.close()));
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function seat(roomId: string, token: string): Promise<TestSocket> {
    const socket = await TestSocket.open(server.wsUrl);
    sockets.push(socket);
    socket.send({ type: 'hello', roomId, token, lastSeq: 0 });
    await socket.next('snapshot');
    return socket;
  }

  it('is refused with SWAP_UNAVAILABLE from either seat, not marked retryable, and stores nothing', async () => {
    const room = await createRoom(server.url, { caseId: FIXTURE_CASE_ID, durationMinutes: 30 });
    const interviewer = await seat(room.roomId, room.interviewer.token);
    const candidate = await seat(room.roomId, room.candidate.token);
    interviewer.send({ type: 'timer', clientId: 'start', action: 'start' });
    await interviewer.waitFor((m) => m.type === 'ack' && m.clientId === 'start');
    interviewer.send({ type: 'timer', clientId: 'end', action: 'end' });
    await candidate.next('ended');

    expect(RETRYABLE_CODES.has('SWAP_UNAVAILABLE')).toBe(false);
    for (const [socket, clientId] of [
      [candidate, 'swap-1'],
      [interviewer, 'swap-2'],
    ] as const) {
      socket.send({ type: 'swap', clientId });
      const refusal = await socket.waitFor((m) => m.type === 'error' && m.clientId === clientId);
      expect(refusal).toEqual({
        type: 'error',
        code: 'SWAP_UNAVAILABLE',
        message:
          'every case left would show the new candidate an answer key they saw as interviewer; create a new room from the home page',
        clientId,
      });
    }
    // Nothing was stored: a swap the room had recorded would be answered with its next room.
    for (const socket of [interviewer, candidate]) {
      expect(socket.received.some((m) => m.type === 'next_room')).toBe(false);
    }
  });
});
