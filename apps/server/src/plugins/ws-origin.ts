import type { FastifyInstance } from 'fastify';
import { apiError } from '../errors.ts';
import { checkOrigin, type OriginPolicy } from '../transport/ws/origin.ts';

/**
 * Refuses websocket upgrades from pages of other origins with a 403 before any socket exists.
 * Registered on the root instance so it sees every upgrade, whatever route it asks for.
 */
export function registerOriginCheck(app: FastifyInstance, policy: OriginPolicy): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.upgrade?.toLowerCase() !== 'websocket') return;
    const verdict = checkOrigin(request.headers.origin, request.headers.host, policy);
    if (verdict.ok) return;
    request.log.warn({ origin: request.headers.origin }, 'websocket upgrade refused: origin not allowed');
    // This hook runs before @fastify/websocket's own, which would otherwise close the connection
    // after a refused upgrade; left open it would hold the server's close() forever.
    const socket = request.raw.socket;
    reply.raw.once('finish', () => {
      socket.end();
      setTimeout(() => socket.destroy(), 1_000).unref();
    });
    return reply
      .status(403)
      .header('connection', 'close')
      .send(apiError(403, 'FORBIDDEN', verdict.reason));
  });
}
