import { createDb, type Db } from '@mlsd/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export interface DbPluginOptions {
  /** An open database the caller owns (and closes), or a file path the plugin opens and closes. */
  db: Db | string;
}

async function dbPlugin(app: FastifyInstance, options: DbPluginOptions): Promise<void> {
  const owned = typeof options.db === 'string';
  const db = typeof options.db === 'string' ? createDb(options.db) : options.db;
  app.decorate('db', db);
  app.addHook('onClose', async () => {
    if (owned) db.close();
  });
}

export default fp(dbPlugin, { name: 'mlsd-db', fastify: '5.x' });
