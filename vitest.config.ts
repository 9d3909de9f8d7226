import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/**/src/**/*.test.ts',
      'apps/**/src/**/*.test.{ts,tsx}',
      'apps/**/test/**/*.test.ts',
      'packages/**/test/**/*.test.ts',
      'apps/web/e2e/**/*.test.ts',
      'apps/web/tools/**/*.test.ts',
      // `pnpm --filter <pkg> exec vitest run` finds this file from the package directory and takes
      // that directory as the root, where the paths above match nothing; these match its own tests.
      'src/**/*.test.{ts,tsx}',
      'test/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
