import websocket from '@fastify/websocket';
import { MAX_FRAME_BYTES } from '@mlsd/protocol';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../clock.ts';
import type { Hardening } from '../../hardening.ts';
import { Connection } from './connection.ts';
import { startHeartbeat } from './heartbeat.ts';
import { closeForRestart } from './restart.ts';

/**
 * `/ws`: one socket per seat, for every kind of room. Frames over MAX_FRAME_BYTES close the socket with 1009 (ws does it).
 * Every socket is pinged (dead peers dropped) and capped in what it may leave unread; on shutdown
 * each is closed with 1012 so browsers reconnect instead of reporting an error.
 */
export async function socketRoutes(
  app: FastifyInstance,
  options: { clock: Clock; hardening: Hardening },
): Promise<void> {
  const { hardening } = options;
  await app.register(websocket, {
    // Compression off: it costs memory per socket and opens the door to zip-bomb frames.
    options: { maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false },
    errorHandler(error, socket, request) {
      request.log.warn({ err: error }, 'websocket error');
      // After an oversized frame ws is already closing with 1009; terminating would lose that code.
      if (socket.readyState === socket.OPEN) socket.terminate();
    },
    preClose(done) {
      heartbeat.stop();
      closeForRestart(this.websocketServer, hardening.closeGraceMs).then(() => done(), done);
    },
  });
  const heartbeat = startHeartbeat(app.websocketServer, { intervalMs: hardening.heartbeatMs, log: app.log });
  app.get('/ws', { websocket: true }, (socket, request) => {
    new Connection(socket, app.rooms, options.clock, request.log, hardening);
  });
}
