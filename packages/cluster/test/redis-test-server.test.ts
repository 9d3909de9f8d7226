import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRedisTestServer } from './redis-test-server.ts';

// Without redis-server the Redis tests skip and say why; CI sets MLSD_REQUIRE_REDIS=1 so that a
// missing server fails the run instead of passing it with those tests unrun.
describe('the Redis test server without Redis', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('skips with the reason', async () => {
    vi.stubEnv('MLSD_REQUIRE_REDIS', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await startRedisTestServer({ bin: null });
    expect(result).toEqual({ skipped: expect.stringMatching(/no redis-server/) });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/redis tests skipped.*install redis-server/));
  });

  it('fails loudly when MLSD_REQUIRE_REDIS=1', async () => {
    vi.stubEnv('MLSD_REQUIRE_REDIS', '1');
    await expect(startRedisTestServer({ bin: null })).rejects.toThrow(
      /MLSD_REQUIRE_REDIS=1 but Redis cannot run: no redis-server/,
    );
  });
});
