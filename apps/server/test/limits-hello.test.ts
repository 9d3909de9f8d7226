import { CloseCode } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { createSession, limitsFixture } from './limits-helpers.ts';

const fixture = limitsFixture();
const open = () => fixture.open();

describe('what one hello costs', () => {
  it('never sends an event the snapshot already holds, whatever lastSeq the client had', async () => {
    const server = await fixture.start();
    const { body: session } = await createSession(server.base);
    const first = await open();
    first.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
    await first.next('snapshot');
    first.send({ type: 'say', clientId: 'h-1', text: 'We would start with a popularity baseline.' });
    await first.waitFor((m) => m.type === 'turn' && m.turn.role === 'interviewer' && m.seq > 1);
    for (const lastSeq of [0, 1, undefined]) {
      const back = await open();
      back.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq });
      const snapshot = await back.next('snapshot');
      expect(snapshot.lastSeq).toBeGreaterThan(1);
      expect(snapshot.transcript.some((turn) => turn.clientId === 'h-1')).toBe(true);
      // Presence follows the snapshot and any replay: everything before it has arrived.
      await back.next('presence');
      expect(back.events().filter((event) => event.seq <= snapshot.lastSeq)).toEqual([]);
    }
  });

  it('closes a socket after too many failed hellos, saying why', async () => {
    const server = await fixture.start({ maxHelloAttempts: 3 });
    const { body: session } = await createSession(server.base);
    const socket = await open();
    for (let i = 0; i < 4; i++) socket.send({ type: 'hello', roomId: session.id, token: `wrong-${i}` });
    const closed = await socket.closed;
    expect(socket.all('error').map((error) => error.code)).toEqual([
      'UNAUTHORIZED',
      'UNAUTHORIZED',
      'UNAUTHORIZED',
    ]);
    expect(closed.code).toBe(CloseCode.policyViolation);
    expect(closed.reason).toMatch(/hello/);
  });
});
