import { describe, expect, it } from 'vitest';
import { href, pageLink, parseRoute } from './routes.ts';

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

  it('reads a watch link to any room, and refuses one without a proper token', () => {
    const token = 'a'.repeat(43);
    expect(parseRoute(`#/watch/s_1-x/${token}`)).toEqual({ name: 'watch', roomId: 's_1-x', token });
    expect(parseRoute(`#/watch/s1/${token}/`)).toEqual({ name: 'watch', roomId: 's1', token });
    expect(parseRoute('#/watch/s1/short')).toMatchObject({ name: 'not-found' });
    expect(parseRoute(`#/watch/s1/${'b'.repeat(30)}=`)).toMatchObject({ name: 'not-found' });
    expect(parseRoute(`#/watch/<b>/${token}`)).toMatchObject({ name: 'not-found' });
    expect(parseRoute(`#/watch/s1/${token}/report`)).toMatchObject({ name: 'not-found' });
    expect(parseRoute('#/watch/s1')).toMatchObject({ name: 'not-found' });
    const route = { name: 'watch', roomId: 'room-7', token: `${token}_-Z9` } as const;
    expect(href(route)).toBe(`#/watch/room-7/${token}_-Z9`);
    expect(parseRoute(href(route))).toEqual(route);
  });
});

describe('shared report links', () => {
  it('reads #/shared/<token>, and refuses a malformed token', () => {
    const token = 'Ab9_-'.repeat(9);
    expect(parseRoute(`#/shared/${token}`)).toEqual({ name: 'shared', token });
    expect(parseRoute(`#/shared/${token}/`)).toEqual({ name: 'shared', token });
    expect(parseRoute('#/shared/short')).toMatchObject({ name: 'not-found' });
    expect(parseRoute(`#/shared/${token}=`)).toMatchObject({ name: 'not-found' });
    expect(parseRoute(`#/shared/${token}/more`)).toMatchObject({ name: 'not-found' });
    expect(parseRoute('#/shared/')).toMatchObject({ name: 'not-found' });
    expect(href({ name: 'shared', token })).toBe(`#/shared/${token}`);
    expect(parseRoute(href({ name: 'shared', token }))).toEqual({ name: 'shared', token });
  });
});

describe('pageLink', () => {
  it('puts the page origin and path in front of a hash route', () => {
    const at = { origin: 'http://host:3000', pathname: '/' };
    expect(pageLink('#/watch/r/t', at)).toBe('http://host:3000/#/watch/r/t');
    expect(pageLink('/watch/r/t', { origin: 'https://x.dev', pathname: '/mock/index.html' })).toBe(
      'https://x.dev/mock/index.html#/watch/r/t',
    );
  });
});
