import { describe, expect, it } from 'vitest';
import { NO_OUTBOX, whoIsHere } from './watch.ts';

describe('whoIsHere', () => {
  it('names the server interviewer of a solo room and counts the other observers', () => {
    expect(
      whoIsHere({ mode: 'solo', interviewer: 'llm' }, { interviewer: true, candidate: true, observers: 3 }),
    ).toEqual([
      { who: 'Candidate', state: 'connected', here: true },
      { who: 'Interviewer', state: 'language model', here: true },
      { who: 'Watching', state: 'you and 2 more', here: true },
    ]);
    expect(
      whoIsHere(
        { mode: 'solo', interviewer: 'offline' },
        { interviewer: true, candidate: false, observers: 1 },
      ),
    ).toEqual([
      { who: 'Candidate', state: 'not connected', here: false },
      { who: 'Interviewer', state: 'offline interviewer', here: true },
      { who: 'Watching', state: 'only you', here: true },
    ]);
  });

  it('says whether each peer seat is connected', () => {
    const peer = whoIsHere(
      { mode: 'peer', interviewer: 'human' },
      { interviewer: false, candidate: true, observers: 0 },
    );
    expect(peer.slice(0, 2)).toEqual([
      { who: 'Candidate', state: 'connected', here: true },
      { who: 'Interviewer', state: 'not connected', here: false },
    ]);
    expect(peer[2]?.state).toBe('only you');
  });
});

describe('NO_OUTBOX', () => {
  it('keeps nothing', () => {
    NO_OUTBOX.add({ clientId: 'c1', text: 'x', createdAt: 0 });
    expect(NO_OUTBOX.list()).toEqual([]);
    expect(NO_OUTBOX.remove('c1')).toBe(false);
  });
});
