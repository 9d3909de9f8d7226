import { describe, expect, it } from 'vitest';
import { linkBase, sharedLink } from './link-base.ts';

const at = (origin: string) => ({ origin, hostname: new URL(origin).hostname });

describe('linkBase', () => {
  it('keeps the page address when others can reach it', () => {
    expect(linkBase(at('http://192.168.1.20:3000'), ['http://10.0.0.1:3000'])).toEqual({
      origin: 'http://192.168.1.20:3000',
      reach: 'page',
    });
    expect(linkBase(at('https://mock.example.com'), undefined).reach).toBe('page');
  });

  it("uses the server's network address for a page opened on loopback", () => {
    expect(linkBase(at('http://127.0.0.1:3000'), ['http://192.168.1.20:3000'])).toEqual({
      origin: 'http://192.168.1.20:3000',
      reach: 'lan',
    });
    expect(linkBase(at('http://localhost:5173'), ['http://192.168.1.20:3000']).reach).toBe('lan');
  });

  it('says the links work on this machine only when no network address is known', () => {
    for (const origin of ['http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000']) {
      expect(linkBase(at(origin), []), origin).toEqual({ origin, reach: 'this-machine' });
    }
  });

  it('builds a link on that origin with the page path', () => {
    const base = { origin: 'http://192.168.1.20:3000', reach: 'lan' as const };
    expect(sharedLink('#/peer/r/t', base, { pathname: '/' })).toBe('http://192.168.1.20:3000/#/peer/r/t');
  });
});
