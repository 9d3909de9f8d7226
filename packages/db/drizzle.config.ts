import { defineConfig } from 'drizzle-kit';

// `pnpm db:generate` writes a new versioned SQL migration under ./migrations from the schema files.
export default defineConfig({
  dialect: 'sqlite',
  schema: [
    './src/schema.ts',
    './src/peer-schema.ts',
    './src/observer-schema.ts',
    './src/share-schema.ts',
    './src/study-schema.ts',
  ],
  out: './migrations',
});
