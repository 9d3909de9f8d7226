import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../clock.ts';
import type { SessionBrains } from '../live/brains.ts';
import { SessionRuntime } from '../live/runtime.ts';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionRuntime;
  }
}

export interface SessionsPluginOptions {
  clock: Clock;
  brains: SessionBrains;
}

async function sessionsPlugin(app: FastifyInstance, options: SessionsPluginOptions): Promise<void> {
  const runtime = new SessionRuntime({
    db: app.db,
    rubrics: app.rubrics,
    clock: options.clock,
    brains: options.brains,
    log: app.log,
  });
  app.decorate('sessions', runtime);
  // Sessions that were running when the server stopped pick up where they left off.
  app.addHook('onReady', () => runtime.resumeAll());
  app.addHook('onClose', () => runtime.close());
}

export default fp(sessionsPlugin, {
  name: 'mlsd-sessions',
  fastify: '5.x',
  dependencies: ['mlsd-db', 'mlsd-rubrics'],
});
