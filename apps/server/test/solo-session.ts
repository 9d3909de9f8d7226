import { CreateSessionResponse, type ServerEvent } from '@mlsd/protocol';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { flushIo } from './fake-clock.ts';
import { OWNER_HEADERS } from './owner.ts';
import { FIXTURE_CASE_ID } from './rubric-fixture.ts';
import type { TestSocket } from './ws-client.ts';

/** A solo session on the fixture case through the REST API, as the web app makes one. */
export async function createSoloSession(baseUrl: string, durationMinutes = 30) {
  const response = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...OWNER_HEADERS },
    body: JSON.stringify({ caseId: FIXTURE_CASE_ID, durationMinutes, seed: 42 }),
  });
  expect(response.status).toBe(201);
  return CreateSessionResponse.parse(await response.json());
}

/** Sends an answer and returns the ack plus the turns it produced (the candidate's, then the reply). */
export async function answerAndReply(socket: TestSocket, clientId: string, text: string) {
  socket.send({ type: 'say', clientId, text });
  const ack = await socket.next('ack');
  const mine = await socket.waitFor((m) => m.type === 'turn' && m.turn.clientId === clientId);
  const reply = await socket.waitFor((m) => m.type === 'turn' && m.turn.role === 'interviewer');
  return { ack, mine, reply: reply as Extract<ServerEvent, { type: 'turn' }> };
}

/** Waits until the server has finished what the last frame or timer started. */
export async function settleRooms(app: FastifyInstance | null | undefined): Promise<void> {
  await flushIo();
  await app?.rooms.idle();
  await flushIo();
}
