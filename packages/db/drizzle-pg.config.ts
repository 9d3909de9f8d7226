import { defineConfig } from 'drizzle-kit';

// The PostgreSQL twin of drizzle.config.ts: `pnpm db:generate` writes both dialects' migrations;
// test/pg-schema.test.ts fails when src/pg-schema.ts and the SQLite schema files drift apart.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/pg-schema.ts'],
  out: './migrations-pg',
});
