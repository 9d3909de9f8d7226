import { describe, expect, it } from 'vitest';
import { answerCheck } from './answer-check.ts';

describe('answerCheck', () => {
  it('refuses blank answers', () => {
    expect(answerCheck('   \n ')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('counts trimmed characters and shows the counter near the limit', () => {
    expect(answerCheck('  hi  ')).toMatchObject({ ok: true, length: 2, showCount: false });
    expect(answerCheck('x'.repeat(3200))).toMatchObject({ ok: true, showCount: true });
    expect(answerCheck('x'.repeat(4000))).toMatchObject({ ok: true, over: 0 });
  });

  it('refuses answers over the limit and says by how much', () => {
    expect(answerCheck('x'.repeat(4012))).toMatchObject({
      ok: false,
      reason: 'too-long',
      over: 12,
      showCount: true,
    });
  });
});
