import { SessionDetail } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { createSession, limitsFixture } from './limits-helpers.ts';

const fixture = limitsFixture();

async function join(session: { id: string; token: string }) {
  const socket = await fixture.open();
  socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
  return { socket, snapshot: await socket.next('snapshot') };
}

describe('text is the same everywhere it goes', () => {
  it('acknowledges, publishes, stores and replays a lone surrogate as the same well-formed text', async () => {
    const server = await fixture.start();
    const { body: session } = await createSession(server.base);
    const { socket } = await join(session);
    socket.send({ type: 'say', clientId: 'lone', text: 'Shard by user \ud800 then \udc00 region.' });
    expect(await socket.next('ack')).toMatchObject({ clientId: 'lone', duplicate: false });
    const live = await socket.waitFor((m) => m.type === 'turn' && m.turn.clientId === 'lone');
    const sent = live.type === 'turn' ? live.turn.text : '';
    expect(sent).toBe('Shard by user \ufffd then \ufffd region.');
    expect(sent).not.toMatch(/[\ud800-\udfff]/);
    const detail = await server.app.inject({
      url: `/api/sessions/${session.id}`,
      headers: { authorization: `Bearer ${session.token}` },
    });
    const stored = SessionDetail.parse(detail.json()).transcript.find((turn) => turn.clientId === 'lone');
    expect(stored?.text).toBe(sent);
    const { snapshot } = await join(session);
    expect(snapshot.transcript.find((turn) => turn.clientId === 'lone')?.text).toBe(sent);
  });
});
