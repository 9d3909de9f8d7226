import websocket from '@fastify/websocket';
import type { SharedSocketCaps } from '@mlsd/cluster';
import { MAX_FRAME_BYTES } from '@mlsd/protocol';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Clock } from '../../clock.ts';
import type { Hardening } from '../../hardening.ts';
import { Connection } from './connection.ts';
import { startHeartbeat } from './heartbeat.ts';
import { closeForRestart } from './restart.ts';
import { POLICY_VIOLATION, SocketCaps, TRY_AGAIN_LATER } from './socket-caps.ts';

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
  const shared = app.cluster?.caps;
  app.get('/ws', { websocket: true }, (socket, request) => {
    if (shared) {
      // Counted across instances; the count is a Redis round trip, so the connection attaches its
      // listeners first (frames meanwhile wait in its queue) and is closed if refused.
      new Connection(socket, app.rooms, options.clock, request.log, hardening);
      admitShared(shared, socket, request.ip, request.log);
      return;
    }
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

/** The shared caps' verdict on a socket already open: a refusal closes it as `SocketCaps` would. */
function admitShared(
  caps: SharedSocketCaps,
  socket: WebSocket,
  address: string,
  log: FastifyBaseLogger,
): void {
  caps.admit(address).then(
    (admitted) => {
      if (!admitted.ok) {
        const reason =
          admitted.limit === 'address'
            ? `at most ${admitted.count} open connections from one address; close another tab or window`
            : `the servers are full (${admitted.count} open connections); try again in a minute`;
        log.warn({ ip: address, reason }, 'websocket refused: too many open');
        socket.close(admitted.limit === 'address' ? POLICY_VIOLATION : TRY_AGAIN_LATER, reason);
        return;
      }
      const release = () => void admitted.release().catch(() => undefined);
      if (socket.readyState === socket.CLOSED || socket.readyState === socket.CLOSING) release();
      else socket.once('close', release);
    },
    // Redis away: the per-instance heartbeat and rate limits still hold; do not refuse everyone.
    (error: unknown) => log.warn({ err: error }, 'could not count a socket in Redis; admitted it'),
  );
}
