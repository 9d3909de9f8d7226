import websocket from '@fastify/websocket';
import { MAX_FRAME_BYTES } from '@mlsd/protocol';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../clock.ts';
import type { Hardening } from '../../hardening.ts';
import { Connection } from './connection.ts';
import { startHeartbeat } from './heartbeat.ts';
import { closeForRestart } from './restart.ts';
import { SocketCaps } from './socket-caps.ts';

/**
 * `/ws`: one socket per seat, for every kind of room. Frames over MAX_FRAME_BYTES close the socket with 1009 (ws does it).
 * Every socket is pinged (dead peers dropped) and capped in what it may leave unread; on shutdown
 * each is closed with 1012 so browsers reconnect instead of reporting an error. Open sockets are
 * capped per address and in total (socket-caps.ts).
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
  const caps = new SocketCaps({ perAddress: hardening.maxSocketsPerAddress, total: hardening.maxSockets });
  app.get('/ws', { websocket: true }, (socket, request) => {
    const admitted = caps.admit(request.ip);
    if (!admitted.ok) {
      request.log.warn({ ip: request.ip, reason: admitted.reason }, 'websocket refused: too many open');
      socket.close(admitted.code, admitted.reason);
      return;
    }
    socket.once('close', admitted.release);
    new Connection(socket, app.rooms, options.clock, request.log, hardening);
  });
}
