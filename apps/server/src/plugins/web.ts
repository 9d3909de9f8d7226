import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app (apps/web/dist) on the same port as the API. Hashed assets are cached
 * for good; index.html never is, so a rebuild shows up on the next load. Returns false (and the
 * API still works) when there is no build. The SPA fallback lives in the not-found handler.
 */
export async function registerWeb(app: FastifyInstance, dir: string | undefined): Promise<boolean> {
  if (!dir) return false;
  if (!existsSync(join(dir, 'index.html'))) {
    app.log.warn({ dir }, 'no built web app found; run `pnpm build` (the API still works)');
    return false;
  }
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: true,
    index: ['index.html'],
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return true;
}
