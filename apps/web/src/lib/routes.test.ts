import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './routes.ts';

describe('parseRoute', () => {
  it('reads the known pages', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/history/')).toEqual({ name: 'history' });
    expect(parseRoute('#/room/abc_1-2')).toEqual({ name: 'room', sessionId: 'abc_1-2' });
    expect(parseRoute('#/report/xyz')).toEqual({ name: 'report', sessionId: 'xyz' });
    expect(parseRoute('#/start/ad-click')).toEqual({ name: 'home', caseId: 'ad-click' });
  });

  it('sends anything else to not-found instead of guessing', () => {
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found', path: '/nope' });
    expect(parseRoute('#/room/')).toMatchObject({ name: 'not-found' });
    expect(parseRoute('#/room/a/b')).toMatchObject({ name: 'not-found' });
    expect(parseRoute('#/room/%E0%A4%A')).toMatchObject({ name: 'not-found' });
    expect(parseRoute('#/room/<script>')).toMatchObject({ name: 'not-found' });
  });

  it('round-trips through href', () => {
    expect(parseRoute(href({ name: 'room', sessionId: 's1' }))).toEqual({ name: 'room', sessionId: 's1' });
    expect(parseRoute(href({ name: 'report', sessionId: 's1' }))).toEqual({
      name: 'report',
      sessionId: 's1',
    });
    expect(parseRoute(href({ name: 'history' }))).toEqual({ name: 'history' });
    expect(parseRoute(href({ name: 'home', caseId: 'feed' }))).toEqual({ name: 'home', caseId: 'feed' });
  });
});
