import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../lib/api.ts';

afterEach(() => vi.unstubAllGlobals());

const summary = (id: string) => ({
  id,
  caseId: 'c',
  caseTitle: 'Case',
  durationMinutes: 45,
  interviewer: 'offline',
  level: 'senior',
  persona: 'neutral',
  status: 'ended',
  createdAt: 1,
  endedAt: 2,
  reportId: null,
  overall: null,
  stepScores: null,
});

describe('api.sessionsPage', () => {
  it('follows the next-page header until the oldest page', async () => {
    const fetch = vi.fn(async (path: string) =>
      path === '/api/sessions'
        ? new Response(JSON.stringify([summary('a')]), { headers: { 'x-next-before': '5.7' } })
        : new Response(JSON.stringify([summary('b')])),
    );
    vi.stubGlobal('fetch', fetch);
    const first = await api.sessionsPage();
    expect(first).toMatchObject({ sessions: [{ id: 'a' }], next: '5.7' });
    const second = await api.sessionsPage(first.next);
    expect(fetch.mock.calls[1]?.[0]).toBe('/api/sessions?before=5.7');
    expect(second).toMatchObject({ sessions: [{ id: 'b' }], next: null });
  });
});
