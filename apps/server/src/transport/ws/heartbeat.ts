import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket, WebSocketServer } from 'ws';

export interface Heartbeat {
  stop(): void;
}

/**
 * Pings every socket each `intervalMs`; a socket that has not answered the previous ping by the
 * next tick is terminated. A peer that vanished without a FIN (sleeping laptop, dropped Wi-Fi)
 * would otherwise hold its session seat and buffers until TCP gives up, hours later.
 * Real time on purpose: this is about the network, not the interview's clock.
 */
export function startHeartbeat(
  wss: WebSocketServer,
  options: { intervalMs: number; log: FastifyBaseLogger },
): Heartbeat {
  const waiting = new WeakSet<WebSocket>();
  const onConnection = (socket: WebSocket) => {
    socket.on('pong', () => waiting.delete(socket));
  };
  wss.on('connection', onConnection);
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (waiting.has(socket)) {
        options.log.info('websocket peer did not answer a ping; dropping it');
        socket.terminate();
        continue;
      }
      waiting.add(socket);
      socket.ping();
    }
  }, options.intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      wss.off('connection', onConnection);
    },
  };
}
