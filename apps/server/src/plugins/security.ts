import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { redisRateLimitOptions } from '@mlsd/cluster';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError, apiError } from '../errors.ts';
import type { Hardening } from '../hardening.ts';
import { checkHost, type HostPolicy } from '../transport/hosts.ts';
import { registerOriginCheck } from './ws-origin.ts';

/**
 * The policy the built Vite app works under: scripts and styles from /assets only, inline style
 * attributes (React sets some, e.g. chart bars), the socket over ws: or wss:, data: and blob:
 * images (icons, downloads). No `upgrade-insecure-requests`: the app is often served over plain
 * http on localhost or a LAN, and upgrading its asset requests to https would break it.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'ws:', 'wss:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The path as the router matches it. The router percent-decodes the path, so deciding on the raw
 * URL let `/%61pi/sessions` and `/%77s` reach the API and the socket without being counted.
 * Decoding everything (even `%2F`, which the router keeps) can only count more requests, never fewer.
 */
export function routedPath(url: string): string {
  const raw = url.split('?')[0] ?? '/';
  try {
    return decodeURIComponent(raw);
  } catch {
    // Malformed escapes: the router refuses them with a 400; count them like the API.
    return '/api';
  }
}

function isApiOrSocket(url: string): boolean {
  const path = routedPath(url);
  return path === '/api' || path.startsWith('/api/') || path === '/ws' || path.startsWith('/ws/');
}

/**
 * Refuses requests whose Host is not this server's (DNS rebinding), for every route and upgrade,
 * with 421 Misdirected Request. Runs before the rate limit and the routes, so nothing else sees them.
 */
function registerHostCheck(app: FastifyInstance, policy: HostPolicy): void {
  app.addHook('onRequest', async (request, reply) => {
    const refusal = checkHost(request.headers.host, policy);
    if (refusal === null) return;
    request.log.warn({ host: request.headers.host }, 'request refused: host not allowed');
    if (request.headers.upgrade !== undefined) {
      // No websocket handler will run to close a refused upgrade; left open it would hold close().
      const socket = request.raw.socket;
      reply.raw.once('finish', () => socket.end());
      reply.header('connection', 'close');
    }
    return reply.status(421).send(apiError(421, 'FORBIDDEN', refusal));
  });
}

/**
 * The Host check (above), security headers (helmet, with the CSP above and no HSTS: it means nothing over http and would
 * stick to "localhost" for other local apps), a generous per-address limit on the API and socket
 * upgrades (routes that write may set a stricter `config.rateLimit`), and the Origin check on
 * websocket upgrades. Registered first, so its hooks run for every route.
 */
export async function registerSecurity(
  app: FastifyInstance,
  hardening: Hardening,
  redis: Redis | null = null,
): Promise<void> {
  registerHostCheck(app, hardening.hosts);
  await app.register(helmet, {
    hsts: false,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  });
  const limit = hardening.restRateLimit;
  await app.register(rateLimit, {
    global: limit !== false,
    // With several instances, one count per address across all of them (in Redis).
    ...(redis ? redisRateLimitOptions(redis) : {}),
    ...(limit === false ? {} : { max: limit.max, timeWindow: limit.windowMs }),
    // The static app is cached by the browser and cheap to serve; only the API and upgrades count.
    allowList: (request) => !isApiOrSocket(request.url),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'RATE_LIMITED',
        `too many requests from this address (at most ${context.max} per ${context.after}); try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} s`,
      ),
  });
  registerOriginCheck(app, hardening.origins);
}
