import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENAI_MODEL, describeLlmConfig, parseLlmConfig } from './config.ts';

describe('parseLlmConfig', () => {
  it('leaves the model interviewer off when neither a base URL nor a key is set', () => {
    expect(parseLlmConfig({})).toEqual({ ok: true, value: null });
    expect(parseLlmConfig({ OPENAI_BASE_URL: ' ', OPENAI_API_KEY: '', MLSD_MODEL: 'x' })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('uses OpenAI with a default model when only a key is set', () => {
    const result = parseLlmConfig({ OPENAI_API_KEY: 'sk-test' });
    if (!result.ok || !result.value) throw new Error('expected a configuration');
    expect(result.value).toMatchObject({
      baseURL: 'https://api.openai.com/v1',
      provider: 'openai',
      model: DEFAULT_OPENAI_MODEL,
      judgeModel: DEFAULT_OPENAI_MODEL,
      cachePrompt: false,
      requestTimeoutMs: 30_000,
      streamIdleMs: 15_000,
      contextTokens: null,
    });
    expect(describeLlmConfig(result.value)).not.toContain('sk-test');
  });

  it('takes a local server with a placeholder key, sending cache_prompt', () => {
    const result = parseLlmConfig({
      OPENAI_BASE_URL: 'http://localhost:11434/v1/',
      MLSD_MODEL: 'qwen2.5:7b-instruct',
      MLSD_JUDGE_MODEL: 'qwen2.5:14b-instruct',
      MLSD_LLM_CONTEXT_TOKENS: '8192',
      MLSD_LLM_TIMEOUT_MS: '60000',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        baseURL: 'http://localhost:11434/v1',
        provider: 'compatible',
        apiKey: 'no-key',
        model: 'qwen2.5:7b-instruct',
        judgeModel: 'qwen2.5:14b-instruct',
        contextTokens: 8192,
        requestTimeoutMs: 60_000,
        cachePrompt: true,
      },
    });
  });

  it('names every bad variable at once, with what to do', () => {
    const result = parseLlmConfig({
      OPENAI_BASE_URL: 'localhost:8080',
      MLSD_LLM_TIMEOUT_MS: 'soon',
      MLSD_LLM_CONTEXT_TOKENS: '2048',
      MLSD_LLM_CACHE_PROMPT: 'maybe',
    });
    if (result.ok) throw new Error('expected an error');
    expect(result.error.code).toBe('INVALID_LLM_ENV');
    const fields = result.error.issues.map((issue) => issue.split(':')[0]);
    expect(fields).toEqual(
      expect.arrayContaining([
        'OPENAI_BASE_URL',
        'MLSD_LLM_TIMEOUT_MS',
        'MLSD_LLM_CONTEXT_TOKENS',
        'MLSD_LLM_CACHE_PROMPT',
      ]),
    );
    expect(result.error.message).toContain('http://localhost:11434/v1');
  });

  it('requires a model name for a server other than OpenAI', () => {
    const result = parseLlmConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' });
    if (result.ok) throw new Error('expected an error');
    expect(result.error.message).toMatch(/MLSD_MODEL: required/);
  });

  it('lets cache_prompt be forced either way', () => {
    const on = parseLlmConfig({ OPENAI_API_KEY: 'k', MLSD_LLM_CACHE_PROMPT: '1' });
    const off = parseLlmConfig({
      OPENAI_BASE_URL: 'http://h/v1',
      MLSD_MODEL: 'm',
      MLSD_LLM_CACHE_PROMPT: 'false',
    });
    expect(on.ok && on.value?.cachePrompt).toBe(true);
    expect(off.ok && off.value?.cachePrompt).toBe(false);
  });
});
