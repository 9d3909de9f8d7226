import websocket from '@fastify/websocket';
import { createLlmClient } from '@mlsd/llm';
import { MAX_FRAME_BYTES } from '@mlsd/protocol';
import Fastify from 'fastify';
import { WebSocketServer } from 'ws';
import { DEFAULT_MAX_BUFFERED_BYTES, sendCapped } from '../../src/transport/ws/backpressure.ts';
import { installFetchProbe, takeFetchStamps } from './fetch-probe.ts';

/**
 * Child process for the streaming benchmark, the thing measured. `relay`: the server's path for a
 * model reply, Fastify + @fastify/websocket configured as in the app, the project's LLM client
 * (openai SDK, streaming) and the capped send; each `start` frame streams one model reply to its
 * socket, delta by delta. `bare`: a plain ws server that produces the same token stream from its
 * own timers, with no model hop, as the baseline.
 */
const [mode = 'relay', modelUrl = '', firstTokenMs = 400, chunkMs = 20, chunks = 50] = process.argv.slice(2);
const now = () => performance.timeOrigin + performance.now();

interface Start {
  id: string;
}

if (mode === 'relay') {
  installFetchProbe('relay');
  const client = createLlmClient({
    baseURL: modelUrl,
    apiKey: 'bench',
    provider: 'compatible',
    requestTimeoutMs: 30_000,
    streamIdleMs: 15_000,
    maxRetries: 0,
    maxRetryWaitMs: 0,
    cachePrompt: false,
    temperature: null,
  });
  const app = Fastify({ logger: false });
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false } });
  app.get('/ws', { websocket: true }, (socket) => {
    socket.on('message', (data: Buffer) => {
      const { id } = JSON.parse(data.toString('utf8')) as Start;
      let index = 0;
      client
        .chat({
          model: 'fake-model',
          messages: [{ role: 'user', content: id }],
          onDelta: (text) => {
            sendCapped(
              socket,
              JSON.stringify({ type: 'delta', id, i: index++, text }),
              DEFAULT_MAX_BUFFERED_BYTES,
            );
          },
        })
        .then(
          () => sendCapped(socket, JSON.stringify({ type: 'done', id }), DEFAULT_MAX_BUFFERED_BYTES),
          (error: Error) =>
            sendCapped(
              socket,
              JSON.stringify({ type: 'failed', id, message: error.message }),
              DEFAULT_MAX_BUFFERED_BYTES,
            ),
        );
    });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
  process.on('message', (message: unknown) => {
    if (message === 'stop') void app.close().then(() => process.exit(0));
    else if (message === 'sent') process.send?.({ type: 'sent', stamps: takeFetchStamps() });
  });
} else {
  const streams: { id: string; at: number; emitted: number[] }[] = [];
  const wss = new WebSocketServer({
    port: 0,
    host: '127.0.0.1',
    perMessageDeflate: false,
    maxPayload: MAX_FRAME_BYTES,
  });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  wss.on('connection', (socket) => {
    socket.on('message', async (data: Buffer) => {
      const { id } = JSON.parse(data.toString('utf8')) as Start;
      const stream = { id, at: now(), emitted: [] as number[] };
      streams.push(stream);
      await sleep(Number(firstTokenMs));
      for (let index = 0; index < Number(chunks); index++) {
        stream.emitted.push(now());
        sendCapped(
          socket,
          JSON.stringify({ type: 'delta', id, i: index, text: 'tok ' }),
          DEFAULT_MAX_BUFFERED_BYTES,
        );
        await sleep(Number(chunkMs));
      }
      sendCapped(socket, JSON.stringify({ type: 'done', id }), DEFAULT_MAX_BUFFERED_BYTES);
    });
  });
  wss.on('listening', () => {
    const address = wss.address();
    process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
  });
  process.on('message', (message: unknown) => {
    if (message === 'dump') process.send?.({ type: 'dump', streams: streams.splice(0) });
    else if (message === 'stop') wss.close(() => process.exit(0));
  });
}
