import type { WebSocket } from 'ws';

/** Default cap on what one socket may have queued and unsent (beyond the kernel's buffers). */
export const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export type SendOutcome = 'sent' | 'not-open' | 'dropped';

/**
 * Sends `data` unless the peer has stopped reading: when more than `maxBuffered` bytes already wait
 * in this socket's queue, the socket is terminated instead, so one stuck browser cannot grow the
 * server's memory without bound. Other sockets are untouched; the dropped client reconnects and
 * replays what it missed from its last sequence number.
 */
export function sendCapped(socket: WebSocket, data: string, maxBuffered: number): SendOutcome {
  if (socket.readyState !== socket.OPEN) return 'not-open';
  if (socket.bufferedAmount > maxBuffered) {
    socket.terminate();
    return 'dropped';
  }
  socket.send(data);
  return 'sent';
}
