import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { Cluster, type ClusterTimings } from './cluster.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Rooms shared with other instances through Redis (`REDIS_URL`); null: this instance alone. */
    cluster: Cluster | null;
  }
}

export interface ClusterPluginOptions {
  /** The process's connected client (cluster/redis.ts); null: no sharing. Closed by this plugin. */
  redis: Redis | null;
  sockets: { perAddress: number; total: number };
  timings?: Partial<ClusterTimings>;
}

/**
 * Registered after the database and before the rooms, so on close it runs after the rooms have
 * stopped their timers and finished their commits (Fastify closes in reverse order): only then
 * are the leases released, so the next owner never starts next to a room still writing here.
 */
async function clusterPlugin(app: FastifyInstance, options: ClusterPluginOptions): Promise<void> {
  const { redis } = options;
  if (!redis) {
    app.decorate('cluster', null);
    return;
  }
  const cluster = new Cluster(redis, {
    store: app.store,
    log: app.log,
    sockets: options.sockets,
    ...(options.timings ? { timings: options.timings } : {}),
  });
  app.decorate('cluster', cluster);
  app.log.info({ instanceId: cluster.instanceId }, 'sharing rooms with other instances through Redis');
  app.addHook('onClose', async () => {
    await cluster.close();
    await redis.quit().catch(() => redis.disconnect());
  });
}

export default fp(clusterPlugin, { name: 'mlsd-cluster', fastify: '5.x', dependencies: ['mlsd-db'] });
