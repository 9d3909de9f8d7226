import type { SocketLike } from './reconnecting-socket.ts';

/** The websocket address at `path` on this page's host, secure when the page is. */
export function socketUrl(path: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${path}`;
}

/** The browser's WebSocket, as the connection classes see it. */
export const browserSocket = (url: string): SocketLike => new WebSocket(url) as unknown as SocketLike;

/**
 * Starts a connection and retries at once when the browser comes back online or the tab becomes
 * visible again. Returns the cleanup: stop listening, then stop the connection.
 */
export function keepConnected(conn: { start(): void; stop(): void; retryNow(): void }): () => void {
  conn.start();
  const retry = () => conn.retryNow();
  const onVisible = () => document.visibilityState === 'visible' && conn.retryNow();
  window.addEventListener('online', retry);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.removeEventListener('online', retry);
    document.removeEventListener('visibilitychange', onVisible);
    conn.stop();
  };
}
