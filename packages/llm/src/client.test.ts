import { type FakeOpenAi, startFakeOpenAi } from '@mlsd/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retryAfterMs } from './classify.ts';
import { createLlmClient, type LlmClientOptions } from './client.ts';
import { LlmError } from './errors.ts';

const user = [{ role: 'user' as const, content: 'How many users are there?' }];
const ignore = () => {};

describe('the model client against a local OpenAI-compatible server', () => {
  let fake: FakeOpenAi;
  const client = (overrides: Partial<LlmClientOptions> = {}) =>
    createLlmClient({
      baseURL: fake.url,
      apiKey: 'test-key',
      provider: 'compatible',
      requestTimeoutMs: 2_000,
      streamIdleMs: 300,
      maxRetries: 2,
      maxRetryWaitMs: 3_000,
      cachePrompt: true,
      temperature: null,
      ...overrides,
    });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable('the request should have failed'),
      (error: unknown) => {
        expect(error).toBeInstanceOf(LlmError);
        return error as LlmError;
      },
    );

  beforeEach(async () => {
    fake = await startFakeOpenAi();
  });
  afterEach(() => fake.close());

  it('streams the reply in pieces as they arrive and reports usage', async () => {
    fake.setScript(() => ({
      kind: 'text',
      text: 'About 300 million daily users.',
      chunkChars: 5,
      chunkDelayMs: 5,
    }));
    const pieces: string[] = [];
    const result = await client().chat({
      model: 'm',
      messages: user,
      onDelta: (piece) => pieces.push(piece),
    });
    expect(pieces.length).toBeGreaterThan(4);
    expect(pieces.join('')).toBe('About 300 million daily users.');
    expect(result.text).toBe('About 300 million daily users.');
    expect(result.finishReason).toBe('stop');
    expect(result.usage?.promptTokens).toBeGreaterThan(0);
    expect(result.usage?.cachedTokens).toBe(0);
    expect(result.attempts).toBe(1);
  });

  it('reports the cached prefix the provider served', async () => {
    const system = {
      role: 'system' as const,
      content: 'You interview candidates about ML systems. '.repeat(200),
    };
    await client().chat({ model: 'm', messages: [system, ...user], onDelta: ignore });
    const second = await client().chat({
      model: 'm',
      messages: [system, { role: 'user', content: 'Next' }],
      onDelta: ignore,
    });
    expect(second.usage?.cachedTokens).toBeGreaterThanOrEqual(1024);
  });

  it('sends cache_prompt and max_tokens to a llama.cpp-style server, never to OpenAI', async () => {
    await client().chat({ model: 'm', messages: user, maxTokens: 50, cacheKey: 'case-1', onDelta: ignore });
    expect(fake.requests[0]).toMatchObject({
      cache_prompt: true,
      max_tokens: 50,
      stream_options: { include_usage: true },
    });
    expect(fake.requests[0]).not.toHaveProperty('prompt_cache_key');
    await client({ provider: 'openai', cachePrompt: false }).chat({
      model: 'm',
      messages: user,
      maxTokens: 50,
      cacheKey: 'case-1',
      onDelta: ignore,
    });
    expect(fake.requests[1]).toMatchObject({ max_completion_tokens: 50, prompt_cache_key: 'case-1' });
    expect(fake.requests[1]).not.toHaveProperty('cache_prompt');
    expect(fake.requests[1]).not.toHaveProperty('max_tokens');
  });

  it('waits what retry-after says after a 429, then succeeds', async () => {
    fake.setScript((_, index) =>
      index === 0
        ? { kind: 'status', status: 429, headers: { 'retry-after': '1' } }
        : { kind: 'text', text: 'Fine.' },
    );
    const started = Date.now();
    const result = await client().chat({ model: 'm', messages: user, onDelta: ignore });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.text).toBe('Fine.');
    expect(result.attempts).toBe(2);
    expect(fake.requests).toHaveLength(2);
  });

  it('fails at once when retry-after asks for longer than it may wait', async () => {
    fake.setScript(() => ({ kind: 'status', status: 429, headers: { 'retry-after': '120' } }));
    const error = await failure(client().chat({ model: 'm', messages: user, onDelta: ignore }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.message).toContain('120 s');
    expect(fake.requests).toHaveLength(1);
  });

  it('retries 500s a bounded number of times', async () => {
    fake.setScript(() => ({ kind: 'status', status: 500, headers: { 'retry-after-ms': '20' } }));
    const error = await failure(client().chat({ model: 'm', messages: user }));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.status).toBe(500);
    expect(error.attempts).toBe(3);
    expect(fake.requests).toHaveLength(3);
  });

  it('recovers when a 503 clears on the retry', async () => {
    fake.setScript((_, index) =>
      index === 0
        ? { kind: 'status', status: 503, headers: { 'retry-after-ms': '10' } }
        : { kind: 'text', text: 'Back.' },
    );
    const result = await client().chat({ model: 'm', messages: user });
    expect(result).toMatchObject({ text: 'Back.', attempts: 2 });
  });

  it('does not retry a 401 or an unknown model', async () => {
    fake.setScript(() => ({ kind: 'status', status: 401, message: 'bad key' }));
    expect((await failure(client().chat({ model: 'm', messages: user }))).code).toBe('AUTH');
    fake.setScript(() => ({ kind: 'status', status: 404, message: "model 'nope' not found" }));
    const rejected = await failure(client().chat({ model: 'nope', messages: user }));
    expect(rejected.code).toBe('REJECTED');
    expect(rejected.message).toContain('404');
    expect(fake.requests).toHaveLength(2);
  });

  it('times out a request that never answers', async () => {
    fake.setScript(() => ({ kind: 'hang' }));
    const started = Date.now();
    const error = await failure(client({ requestTimeoutMs: 400 }).chat({ model: 'm', messages: user }));
    expect(error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.requests).toHaveLength(1);
  });

  it('stops a stream that goes silent half-way, keeping what streamed', async () => {
    fake.setScript(() => ({ kind: 'hang', afterChunks: ['How would ', 'you'] }));
    const pieces: string[] = [];
    const started = Date.now();
    const error = await failure(
      client({ streamIdleMs: 250 }).chat({
        model: 'm',
        messages: user,
        onDelta: (piece) => pieces.push(piece),
      }),
    );
    expect(error.code).toBe('IDLE');
    expect(error.partial).toBe('How would you');
    expect(pieces.join('')).toBe('How would you');
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a stream cut half-way with its partial text and does not retry it', async () => {
    fake.setScript(() => ({ kind: 'cut', chunks: ['Tell me about ', 'the la'] }));
    const error = await failure(client().chat({ model: 'm', messages: user, onDelta: ignore }));
    expect(error.code).toBe('CUT');
    expect(error.partial).toBe('Tell me about the la');
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up on a refused connection after its retries', async () => {
    const url = fake.url;
    await fake.close();
    const error = await failure(
      createLlmClient({
        baseURL: url,
        apiKey: 'k',
        provider: 'compatible',
        requestTimeoutMs: 1_000,
        streamIdleMs: 300,
        maxRetries: 1,
        maxRetryWaitMs: 3_000,
        cachePrompt: false,
        temperature: null,
      }).chat({ model: 'm', messages: user }),
    );
    expect(error.code).toBe('NETWORK');
    expect(error.attempts).toBe(2);
    fake = await startFakeOpenAi();
  });

  it('stops at once when the caller aborts', async () => {
    fake.setScript(() => ({ kind: 'hang' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(
      client().chat({ model: 'm', messages: user, signal: controller.signal, onDelta: ignore }),
    );
    expect(error.code).toBe('ABORTED');
  });

  it('asks for structured output with a JSON schema', async () => {
    fake.setScript(() => ({ kind: 'text', text: '{"ok":true}' }));
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] };
    const result = await client().chat({
      model: 'm',
      messages: user,
      jsonSchema: { name: 'check', schema },
    });
    expect(result.text).toBe('{"ok":true}');
    expect(fake.requests[0]?.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'check', schema, strict: true },
    });
    expect(fake.requests[0]?.stream).toBe(false);
  });

  it('lists the models the endpoint serves', async () => {
    expect(await client().listModels()).toEqual(['fake-model']);
  });
});

describe('retryAfterMs', () => {
  it('reads retry-after-ms, seconds and HTTP dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2_000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }), now)).toBe(5_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});
