import { describe, expect, it } from 'vitest';
import { ChoiceStream, parseSeen } from './choice-stream.ts';

/** Feeds `pieces` through a stream offering `labels`; returns what passed, the header and the trailer. */
function run(pieces: string[], labels = ['A', 'B', 'C']) {
  const stream = new ChoiceStream(labels);
  const passed: string[] = [];
  const headerAfter: (string | null)[] = [];
  for (const piece of pieces) {
    passed.push(stream.push(piece));
    headerAfter.push(stream.header === null ? null : stream.header.ok ? stream.header.label : 'bad');
  }
  const end = stream.finish();
  return {
    text: passed.join('') + end.rest,
    passed,
    header: stream.header,
    trailer: end.trailer,
    headerAfter,
  };
}

const REPLY = 'Okay. How would you know the scores can be trusted?';

describe('a reply that names its own move', () => {
  it('passes nothing until the header is read, then the message without the header', () => {
    const result = run(['[[move', ': B]]\nOkay. How', ' would you know the scores can be trusted?']);
    expect(result.passed[0]).toBe('');
    expect(result.headerAfter).toEqual([null, 'B', 'B']);
    expect(result.text).toBe(REPLY);
    expect(result.header).toEqual({ ok: true, label: 'B' });
  });

  it('reads a header that arrives one character at a time, in any case and spacing', () => {
    const raw = `  [[ Move :c ]]\n${REPLY}`;
    const result = run([...raw]);
    expect(result.header).toEqual({ ok: true, label: 'C' });
    expect(result.text).toBe(REPLY);
    // Not one character of the header passed.
    expect(result.passed.slice(0, raw.indexOf(']]') + 2).join('')).toBe('');
  });

  it('skips a reasoning block before the header', () => {
    const result = run(['<think>the answer names a mistake', '</think>\n[[move: A]] ', REPLY]);
    expect(result.header).toEqual({ ok: true, label: 'A' });
    expect(result.text).toBe(REPLY);
  });

  it('rejects a header naming an option that was not offered, and passes nothing after it', () => {
    const result = run(['[[move: E]]\n', REPLY]);
    expect(result.header).toEqual({ ok: false, problem: 'unoffered', written: '[[move: E]]' });
    expect(result.text).toBe('');
  });

  it('rejects a reply without a header as soon as its first characters show it', () => {
    const result = run(['Ok', 'ay. How would you know?']);
    expect(result.headerAfter[0]).toBe('bad');
    expect(result.header).toMatchObject({ ok: false, problem: 'missing' });
    expect(result.text).toBe('');
  });

  it('rejects a malformed header, and one that never closes', () => {
    expect(run(['[[move: B or C]]\n', REPLY]).header).toMatchObject({ ok: false, problem: 'malformed' });
    expect(run(['[[move: B\n', REPLY]).header).toMatchObject({ ok: false, problem: 'malformed' });
    expect(run(['[[mo']).header).toMatchObject({ ok: false, problem: 'malformed' });
    expect(run(['  ']).header).toMatchObject({ ok: false, problem: 'missing' });
  });

  it('hides the trailer, even when its brackets are split across pieces', () => {
    const trailer = '[[seen: p2 "label a click within 30 minutes"]]';
    const result = run(['[[move: A]]\n', `${REPLY}\n[`, '[seen: p2 "label a click', ' within 30 minutes"]]']);
    expect(result.text).toBe(`${REPLY}\n`);
    expect(result.trailer).toBe(trailer);
    expect(parseSeen(result.trailer)).toEqual([{ label: 'p2', quote: 'label a click within 30 minutes' }]);
  });

  it('lets a single bracket in the message through once the next piece shows it opens nothing', () => {
    const result = run(['[[move: A]]\nThe range [', '0, 1] matters here.']);
    expect(result.text).toBe('The range [0, 1] matters here.');
    expect(result.trailer).toBe('');
  });

  it('reads several seen entries and ignores anything else in the trailer', () => {
    expect(
      parseSeen('[[seen: p1 "two tower"]] [[seen: P3 “hashed ids”]] [[seen: none]] [[note: hi]]'),
    ).toEqual([
      { label: 'p1', quote: 'two tower' },
      { label: 'p3', quote: 'hashed ids' },
    ]);
  });
});
