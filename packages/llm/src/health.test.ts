import { startFakeOpenAi } from '@mlsd/testkit';
import { describe, expect, it } from 'vitest';
import { createLlmClient } from './client.ts';
import { type LlmConfig, parseLlmConfig } from './config.ts';
import { checkLlmHealth } from './health.ts';

function configFor(url: string, model: string): LlmConfig {
  const parsed = parseLlmConfig({ OPENAI_BASE_URL: url, MLSD_MODEL: model });
  if (!parsed.ok || !parsed.value) throw new Error('expected a configuration');
  return parsed.value;
}

describe('checkLlmHealth', () => {
  it('says when no endpoint is configured', async () => {
    expect(await checkLlmHealth(null, null)).toMatchObject({ configured: false, reachable: false });
  });

  it('says the endpoint answers, and whether it lists the model', async () => {
    const fake = await startFakeOpenAi();
    try {
      const good = configFor(fake.url, 'fake-model');
      expect(await checkLlmHealth(good, createLlmClient(good))).toEqual({
        configured: true,
        reachable: true,
        missingModels: [],
        detail: `${fake.url} answers; using fake-model`,
      });
      const typo = configFor(fake.url, 'llama3:8b');
      const health = await checkLlmHealth(typo, createLlmClient(typo));
      expect(health.reachable).toBe(true);
      expect(health.missingModels).toEqual(['llama3:8b']);
      expect(health.detail).toContain('does not list llama3:8b (it lists fake-model)');
    } finally {
      await fake.close();
    }
  });

  it('says when the endpoint does not answer', async () => {
    const fake = await startFakeOpenAi();
    const url = fake.url;
    await fake.close();
    const config = { ...configFor(url, 'm'), maxRetries: 0 };
    const health = await checkLlmHealth(config, createLlmClient(config), { timeoutMs: 1_000 });
    expect(health).toMatchObject({ configured: true, reachable: false });
    expect(health.detail).toContain('NETWORK');
  });
});
