import { type FakeOpenAi, startFakeOpenAi } from '@mlsd/testkit';
import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

describe('the fake OpenAI-compatible server, through the real openai client', () => {
  let fake: FakeOpenAi;
  let client: OpenAI;

  beforeEach(async () => {
    fake = await startFakeOpenAi();
    client = new OpenAI({ baseURL: fake.url, apiKey: 'test', maxRetries: 0, timeout: 2000 });
  });
  afterEach(() => fake.close());

  it('streams text in chunks and reports usage at the end', async () => {
    fake.setScript(() => ({ kind: 'text', text: 'Tell me about the labels.', chunkChars: 5 }));
    const stream = await client.chat.completions.create({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'hello' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const pieces: string[] = [];
    let promptTokens = 0;
    for await (const chunk of stream) {
      const piece = chunk.choices[0]?.delta?.content;
      if (piece) pieces.push(piece);
      if (chunk.usage) promptTokens = chunk.usage.prompt_tokens;
    }
    expect(pieces.join('')).toBe('Tell me about the labels.');
    expect(pieces.length).toBeGreaterThan(3);
    expect(promptTokens).toBeGreaterThan(0);
    expect(fake.requests[0]?.messages[0]?.content).toBe('hello');
  });

  it('reports a cached prefix once a long prompt repeats', async () => {
    const system = 'You are an interviewer. '.repeat(300);
    const ask = (user: string) =>
      client.chat.completions.create({
        model: 'fake-model',
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
      });
    const first = await ask('first question');
    const second = await ask('second question');
    expect(first.usage?.prompt_tokens_details?.cached_tokens).toBe(0);
    expect(second.usage?.prompt_tokens_details?.cached_tokens).toBeGreaterThanOrEqual(1024);
  });

  it('returns 429 with retry-after as the client sees it', async () => {
    fake.setScript(() => ({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }));
    const error = await client.chat.completions
      .create({ model: 'fake-model', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(429);
    expect((error as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('1');
  });

  it('cuts a stream half-way, which the client sees as an error', async () => {
    fake.setScript(() => ({ kind: 'cut', chunks: ['Half ', 'a sen'] }));
    const stream = await client.chat.completions.create({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const pieces: string[] = [];
    const read = async () => {
      for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta?.content ?? '');
    };
    await expect(read()).rejects.toThrow();
    expect(pieces.join('')).toBe('Half a sen');
  });
});
