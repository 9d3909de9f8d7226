import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPgTestServer } from './pg-test-server.ts';

// Without PostgreSQL the PostgreSQL tests skip and say why; CI sets MLSD_REQUIRE_PG=1 so that a
// missing server fails the run instead of passing it with those tests unrun.
describe('the PostgreSQL test server without PostgreSQL', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('skips with the reason', async () => {
    vi.stubEnv('MLSD_REQUIRE_PG', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await startPgTestServer({ bin: null });
    expect(result).toEqual({ skipped: expect.stringMatching(/no initdb/) });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/pg tests skipped.*install postgresql/));
  });

  it('fails loudly when MLSD_REQUIRE_PG=1', async () => {
    vi.stubEnv('MLSD_REQUIRE_PG', '1');
    await expect(startPgTestServer({ bin: null })).rejects.toThrow(
      /MLSD_REQUIRE_PG=1 but PostgreSQL cannot run: no initdb/,
    );
  });
});
