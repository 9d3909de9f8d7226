import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, api } from './api.ts';

function reply(status: number, body: unknown) {
  return vi.fn(async (_path: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }));
}

afterEach(() => vi.unstubAllGlobals());

describe('api.observerLink', () => {
  it("posts the view with the seat's token and reads the link", async () => {
    const link = {
      roomId: 'r 1',
      view: 'interviewer',
      token: 'o'.repeat(43),
      path: `#/watch/r/${'o'.repeat(43)}`,
    };
    const fetch = reply(201, link);
    vi.stubGlobal('fetch', fetch);
    expect(await api.observerLink('r 1', 'seat-token', 'interviewer')).toEqual(link);
    const [path, init] = fetch.mock.calls[0] ?? [];
    expect(path).toBe('/api/rooms/r%201/observers');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ authorization: 'Bearer seat-token' });
    expect(JSON.parse(String(init?.body))).toEqual({ view: 'interviewer' });
  });

  it('says what the server said when it refuses, e.g. past 20 links', async () => {
    vi.stubGlobal(
      'fetch',
      reply(429, {
        statusCode: 429,
        code: 'RATE_LIMITED',
        error: 'Too Many Requests',
        message: 'a room can have at most 20 watch links; reuse one you made',
      }),
    );
    const refused = await api.observerLink('r1', 'seat-token', 'candidate').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiRequestError);
    expect(refused).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      message: expect.stringContaining('20'),
    });
  });
});
