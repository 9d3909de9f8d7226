import { describe, expect, it } from 'vitest';
import { createLeakGuard } from './leak-guard.ts';
import { OutputFilter } from './output-filter.ts';
import { loadCase } from './testing/fixtures.ts';

const { caseStudy, framework } = loadCase();
const guard = createLeakGuard(caseStudy, framework);
const point = caseStudy.steps.evaluation.points[0]!;
const strong = point.strong.split(/\s+/).slice(0, 20).join(' ');
const CLEAN =
  'That is a reasonable start. Walk me through how you would check that choice before launch, what you would watch in the first week, and what result would make you roll it back? ';

/** Streams `pieces` through a filter; returns what was shown, the end state and the guard's work. */
function run(pieces: readonly string[]) {
  const filter = new OutputFilter(guard);
  let shown = '';
  for (const piece of pieces) shown += filter.push(piece);
  const end = filter.finish();
  return { shown: shown + end.rest, end, handled: filter.handled };
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out;
}

/** The first six words of the leak that `check` finds in `text`, as the candidate would read them. */
function leakedRun(text: string): string {
  return guard.check(text)!.match;
}

const normal = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ');

describe('the streamed leak guard, whatever the chunking', () => {
  it('one character per chunk: a clean reply comes out whole, a leak is caught and never shown', () => {
    const clean = run(chunks(CLEAN.repeat(3), 1));
    expect(clean.end.leak).toBeNull();
    expect(clean.shown).toBe(CLEAN.repeat(3));

    const leaking = `Let me think about that. ${strong} And so on.`;
    const caught = run(chunks(leaking, 1));
    expect(caught.end.leak?.kind).toBe('strong-answer');
    expect(normal(caught.shown)).not.toContain(leakedRun(leaking));
    expect(caught.shown.startsWith('Let me think')).toBe(true);
  });

  it('10 kB chunks: the same verdict and the same text as small chunks', () => {
    const long = CLEAN.repeat(Math.ceil(20_000 / CLEAN.length));
    const clean = run(chunks(long, 10_000));
    expect(clean.end.leak).toBeNull();
    expect(clean.shown).toBe(long);

    const leaking = `${long.slice(0, 9_990)} ${strong} ${long.slice(0, 5_000)}`;
    const caught = run(chunks(leaking, 10_000));
    expect(caught.end.leak?.kind).toBe('strong-answer');
    expect(normal(caught.shown)).not.toContain(leakedRun(leaking));
    expect(caught.shown).toBe(run(chunks(leaking, 3)).shown);
  });

  it('catches a leak cut by a chunk boundary at any point', () => {
    const leaking = `Fine. ${strong} Next question.`;
    const run6 = leakedRun(leaking);
    for (let cut = 1; cut < leaking.length; cut++) {
      const split = run([leaking.slice(0, cut), leaking.slice(cut)]);
      expect(split.end.leak?.kind, `cut at ${cut}`).toBe('strong-answer');
      expect(normal(split.shown), `cut at ${cut}`).not.toContain(run6);
    }
    const meta = 'Good. You have not hit the talking points yet.';
    for (let cut = 1; cut < meta.length; cut++) {
      const split = run([meta.slice(0, cut), meta.slice(cut)]);
      expect(split.end.leak?.kind, `cut at ${cut}`).toBe('meta');
      expect(split.shown, `cut at ${cut}`).not.toMatch(/talking p/i);
    }
  });

  it('shows the words that open a secret passage up to its first content word, never a second', () => {
    // "…the model should calibrate…": only from the passage's second content word is anything held.
    const words = strong.split(' ');
    const isContent = (word: string) => !/^(the|a|an|of|to|in|on|and|or|for|with|we|it|is)$/i.test(word);
    const second = words.findIndex((word, index) => index > words.findIndex(isContent) && isContent(word));
    const opening = `Fine, so ${words.slice(0, 10).join(' ')} and more.`;
    expect(guard.check(opening)?.kind).toBe('strong-answer');
    // Not a letter of the second content word: the text shown ends before it.
    const secondAt = `Fine, so ${words.slice(0, second).join(' ')} `.length;
    for (const size of [1, 3, 4, 7]) {
      const caught = run(chunks(opening, size));
      expect(caught.end.leak?.kind, `chunks of ${size}`).toBe('strong-answer');
      expect(caught.shown.length, `chunks of ${size}`).toBeLessThanOrEqual(secondAt);
      expect(caught.shown.length, `chunks of ${size}`).toBeGreaterThan('Fine, so '.length);
    }
    // A reply in which a stop word could open a passage is not held on it.
    const filter = new OutputFilter(guard);
    expect(filter.push('Okay. Walk me through the ')).toBe('Okay. Walk me through the ');
  });

  it('a stall mid-word holds back a bounded tail, released when the reply ends', () => {
    const filter = new OutputFilter(guard);
    const sofar = `${CLEAN}How would you split the traffic betw`;
    const shown = filter.push(sofar);
    expect(sofar.startsWith(shown)).toBe(true);
    // At most the words that could still start a leak: far fewer than the whole reply.
    expect(sofar.length - shown.length).toBeLessThan(60);
    const end = filter.finish();
    expect(shown + end.rest).toBe(sofar);

    // A "word" of 10,000 letters cannot be a rubric word: it is not held back while it grows.
    const word = new OutputFilter(guard);
    let out = word.push('Consider ');
    for (let i = 0; i < 10_000; i++) out += word.push('x');
    expect(out.length).toBeGreaterThan(10_000 - 60);
    expect(out + word.finish().rest).toBe(`Consider ${'x'.repeat(10_000)}`);
  });

  it('costs work in proportion to the reply, not its square', () => {
    const short = run(chunks(CLEAN.repeat(4), 1));
    const long = run(chunks(CLEAN.repeat(16), 1));
    const perChar = (r: { handled: number }, text: string) => r.handled / text.length;
    expect(perChar(long, CLEAN.repeat(16))).toBeLessThan(1.2 * perChar(short, CLEAN.repeat(4)));
    // Each character is read with at most a bounded window of what came before it.
    expect(perChar(long, CLEAN.repeat(16))).toBeLessThan(200);
  });

  it('drops a reasoning block and a role label cut anywhere by chunk boundaries', () => {
    const raw = '<think>the user wants numbers</think>\n**Interviewer**: About 300 million daily users.';
    for (const size of [1, 2, 3, 5, 8, 13, 10_000]) {
      expect(run(chunks(raw, size)).shown, `chunks of ${size}`).toBe('About 300 million daily users.');
    }
  });

  it('gives the same verdict as a check of the whole text, for every chunk size', () => {
    const texts = [
      CLEAN,
      `Let me think about that. ${strong} And so on.`,
      "I can't share the rubric during the interview. Let's get back to the data.",
      'Your score so far is 60. Keep going.',
      '<think>the rubric says calibration</think>Interviewer: About 300 million daily users.',
    ];
    for (const text of texts) {
      for (const size of [1, 2, 5, 17, 10_000]) {
        expect(run(chunks(text, size)).end.leak?.kind ?? null, `${size}: ${text}`).toBe(
          guard.check(text.replace(/<think>[\s\S]*?<\/think>/, ''))?.kind ?? null,
        );
      }
    }
  });
});
