import { type AsyncDb, asyncDb, createDb, createPgDb, type Db } from '@mlsd/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** What the server stores and reads through, on either backend: every call is awaited. */
    store: AsyncDb;
    /**
     * The SQLite database itself, for tests and tools that reach under the stores. Only on SQLite:
     * on PostgreSQL reading it throws, so nothing in the server may depend on it.
     */
    db: Db;
  }
}

export interface DbPluginOptions {
  /**
   * An open SQLite database the caller owns (and closes), or where to open one the plugin closes:
   * a postgres:// or postgresql:// URL for PostgreSQL, anything else a SQLite file path.
   */
  db: Db | string;
}

/** Whether a database location names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A database URL without its password, for messages and logs. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}

async function dbPlugin(app: FastifyInstance, options: DbPluginOptions): Promise<void> {
  const location = options.db;
  if (typeof location === 'string' && isPostgresUrl(location)) {
    // An idle connection the server drops must not crash the process: the pool reconnects.
    const store = await createPgDb(location, {
      onIdleError: (error) => app.log.error({ err: error }, 'a PostgreSQL connection failed'),
    }).catch((error: unknown) => {
      // The driver says "connect ECONNREFUSED ..."; the person starting the server needs the setting.
      throw new Error(
        `DATABASE_URL: cannot open the PostgreSQL database at ${redactedUrl(location)} (${(error as Error).message}). Start PostgreSQL or fix DATABASE_URL, or unset it to keep the data in SQLite under MLSD_DATA_DIR.`,
        { cause: error },
      );
    });
    app.decorate('store', store);
    app.decorate('db', {
      getter(): Db {
        throw new Error('app.db is the SQLite database; this server runs on PostgreSQL (use app.store)');
      },
    });
    app.addHook('onClose', () => store.close());
    return;
  }
  const db = typeof location === 'string' ? createDb(location) : location;
  app.decorate('store', asyncDb(db));
  app.decorate('db', db);
  app.addHook('onClose', async () => {
    if (typeof location === 'string') db.close();
  });
}

export default fp(dbPlugin, { name: 'mlsd-db', fastify: '5.x' });
