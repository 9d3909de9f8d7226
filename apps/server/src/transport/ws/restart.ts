import { CloseCode } from '@mlsd/protocol';
import type { WebSocketServer } from 'ws';

export const RESTART_REASON = 'the server is restarting; reconnect in a moment';

/**
 * Closes every socket with 1012 (service restart) so browsers reconnect with their last sequence
 * number instead of showing an error, waits up to `graceMs` for the close handshakes, then
 * terminates whatever is left. New upgrades are already refused by then (@fastify/websocket
 * removes its upgrade listener first).
 */
export async function closeForRestart(wss: WebSocketServer, graceMs: number): Promise<void> {
  const open = [...wss.clients];
  const closed = open.map(
    (socket) =>
      new Promise<void>((resolve) => {
        if (socket.readyState === socket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close(CloseCode.restart, RESTART_REASON);
      }),
  );
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, graceMs);
  });
  await Promise.race([Promise.all(closed), grace]);
  clearTimeout(timer);
  for (const socket of wss.clients) socket.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
}
