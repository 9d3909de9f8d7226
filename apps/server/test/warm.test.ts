import { CreateSessionResponse } from '@mlsd/protocol';
import { rubricCompilations } from '@mlsd/scoring';
import { afterEach, describe, expect, it } from 'vitest';
import { warmCases, warmFactIndexes } from '../src/warm.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { OWNER_HEADERS } from './owner.ts';
import { answerAndReply } from './solo-session.ts';
import { TestSocket } from './ws-client.ts';

/**
 * The server warms every case before it listens (src/server.ts calls `warmCases`), so the first
 * answer of a case after a restart does not compile the case's matcher on the event loop. Read off
 * the scorer's compilation counter, not a clock: a compile is the cost, whatever the machine's load.
 */

let server: TestServer | undefined;
const sockets: TestSocket[] = [];

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server?.close();
  server = undefined;
});

/** Starts a solo session of `caseId` and answers once, as a candidate opening the interview would. */
async function firstAnswer(url: string, wsUrl: string, caseId: string): Promise<string> {
  const response = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...OWNER_HEADERS },
    body: JSON.stringify({ caseId, durationMinutes: 45, seed: 7 }),
  });
  expect(response.status).toBe(201);
  const session = CreateSessionResponse.parse(await response.json());
  const socket = await TestSocket.open(wsUrl);
  sockets.push(socket);
  socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
  await socket.next('snapshot');
  const { reply } = await answerAndReply(
    socket,
    `${caseId}-1`,
    'The goal is to keep people coming back, so I would start with a simple baseline and measure it.',
  );
  return reply.turn.text;
}

describe('warming every case before the server listens', () => {
  it('leaves no case for a first answer to compile, while an unwarmed server compiles on a first answer', async () => {
    server = await startTestServer();
    const cases = [...server.app.rubrics.current.cases.keys()];
    expect(cases.length).toBeGreaterThan(1);
    const [coldCase, ...otherCases] = cases as [string, ...string[]];

    // Control: without the warm-up, the first answer of a case compiles its matcher.
    const beforeCold = rubricCompilations();
    expect(await firstAnswer(server.url, server.wsUrl, coldCase)).not.toBe('');
    expect(rubricCompilations()).toBe(beforeCold + 1);

    const report = await warmCases(server.app.rubrics.current);
    expect(report.cases).toBe(cases.length);
    // Every other case was prepared now: from the build's data when current, compiled otherwise
    // (the cold case is already compiled; it may be swapped for the build's equal compilation).
    expect(report.fromBuild + report.compiledHere).toBeGreaterThanOrEqual(otherCases.length);

    await warmFactIndexes(server.app.rubrics.current);

    const afterWarm = rubricCompilations();
    for (const caseId of otherCases) expect(await firstAnswer(server.url, server.wsUrl, caseId)).not.toBe('');
    expect(rubricCompilations()).toBe(afterWarm);
  });
});
