import { ApiError, SESSIONS_NEXT_HEADER, SESSIONS_PAGE_SIZE, SessionSummary } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useDataApp } from './data-fixture.ts';
import { OWNER_HASH, OWNER_HEADERS } from './owner.ts';
import { FIXTURE_CASE_ID } from './rubric-fixture.ts';

const fixture = useDataApp('mlsd-sessions-page-');

/**
 * Stored sessions, written straight to the store: the list reads rows, and POST is rate limited
 * to 30 a minute. Some share a creation time, so the cursor's tie-break is exercised too.
 */
function seed(count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `s-${String(i).padStart(3, '0')}`;
    fixture.app.db.sessions.create({
      id,
      tokenHash: 'x',
      caseId: FIXTURE_CASE_ID,
      caseTitle: 'Fixture',
      durationMinutes: 45,
      interviewer: 'offline',
      seed: 1,
      engineState: {},
      createdAt: 1_000 + Math.floor(i / 3),
      ownerHash: OWNER_HASH,
    });
    ids.push(id);
  }
  return ids.reverse(); // newest first
}

async function get(url: string) {
  const response = await fixture.app.inject({ url, headers: OWNER_HEADERS });
  return {
    response,
    ids: z
      .array(SessionSummary)
      .parse(response.json())
      .map((item) => item.id),
    next: response.headers[SESSIONS_NEXT_HEADER] as string | undefined,
  };
}

describe('GET /api/sessions pages', () => {
  it('returns the newest page by default and a cursor header for the next one', async () => {
    const all = seed(SESSIONS_PAGE_SIZE + 5);
    const first = await get('/api/sessions');
    expect(first.ids).toEqual(all.slice(0, SESSIONS_PAGE_SIZE));
    expect(first.next).toMatch(/^\d+\.\d+$/);
    expect(first.response.headers.link).toBe(
      `</api/sessions?limit=${SESSIONS_PAGE_SIZE}&before=${first.next}>; rel="next"`,
    );
    const second = await get(`/api/sessions?before=${first.next}`);
    expect(second.ids).toEqual(all.slice(SESSIONS_PAGE_SIZE));
    expect(second.next).toBeUndefined();
  });

  it('walks every session exactly once, in order, with small pages and ties in creation time', async () => {
    const all = seed(11);
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = await get(`/api/sessions?limit=2${next ? `&before=${next}` : ''}`);
      expect(page.ids.length).toBeLessThanOrEqual(2);
      seen.push(...page.ids);
      next = page.next;
    } while (next);
    expect(seen).toEqual(all);
  });

  it('refuses a bad limit or cursor with a 400 that says what is expected', async () => {
    for (const url of ['/api/sessions?limit=0', '/api/sessions?limit=1000', '/api/sessions?before=abc']) {
      const response = await fixture.app.inject({ url, headers: OWNER_HEADERS });
      expect(response.statusCode).toBe(400);
      expect(ApiError.parse(response.json()).code).toBe('VALIDATION_FAILED');
    }
    const cursor = ApiError.parse(
      (await fixture.app.inject({ url: '/api/sessions?before=abc', headers: OWNER_HEADERS })).json(),
    );
    expect(cursor.message).toContain(SESSIONS_NEXT_HEADER);
  });
});
