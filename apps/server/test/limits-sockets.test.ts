import { CloseCode } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { createSession, limitsFixture } from './limits-helpers.ts';
import type { TestSocket } from './ws-client.ts';

const fixture = limitsFixture();
const open = () => fixture.open();

/** How the socket closed within `ms`, or null while it is still open. */
function closedWithin(socket: TestSocket, ms: number) {
  return Promise.race([socket.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}

describe('sockets that hold a place without using it', () => {
  it('closes a socket that sends no hello in time with 1008, and keeps one that did', async () => {
    const server = await fixture.start({ helloTimeoutMs: 300 });
    const { body: session } = await createSession(server.base);
    const silent = await open();
    const joined = await open();
    joined.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
    await joined.next('snapshot');
    const closed = await closedWithin(silent, 3_000);
    expect(closed?.code).toBe(CloseCode.policyViolation);
    expect(closed?.reason).toMatch(/no hello within 0\.3 s/);
    expect(await closedWithin(joined, 300)).toBeNull();
    joined.send({ type: 'say', clientId: 'still-open', text: 'We would start with a popularity baseline.' });
    expect(await joined.next('ack')).toMatchObject({ clientId: 'still-open' });
  });

  it('caps open sockets per address with 1008 naming the limit, and frees a place on close', async () => {
    await fixture.start({ maxSocketsPerAddress: 2 });
    const first = await open();
    await open();
    const third = await open();
    const refused = await closedWithin(third, 3_000);
    expect(refused?.code).toBe(CloseCode.policyViolation);
    expect(refused?.reason).toMatch(/at most 2 open connections from one address/);
    await first.close();
    // The close is counted once the server has seen it; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await closedWithin(await open(), 300)).toBeNull();
  });

  it('caps open sockets in total with 1013 (try again later) naming the limit', async () => {
    await fixture.start({ maxSocketsPerAddress: 10, maxSockets: 2 });
    await open();
    await open();
    const refused = await closedWithin(await open(), 3_000);
    expect(refused?.code).toBe(1013);
    expect(refused?.reason).toMatch(/server is full \(2 open connections\)/);
  });
});
