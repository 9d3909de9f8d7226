import { describe, expect, it } from 'vitest';
import { createLeakGuard } from './leak-guard.ts';
import { OutputFilter } from './output-filter.ts';
import { loadCase } from './testing/fixtures.ts';

const { caseStudy, framework } = loadCase();
const guard = createLeakGuard(caseStudy, framework);
const point = caseStudy.steps.evaluation.points[0]!;

/** Streams `text` through a filter in small pieces; returns what was shown and the end state. */
function stream(text: string, size = 3) {
  const filter = new OutputFilter(guard);
  let shown = '';
  for (let at = 0; at < text.length; at += size) shown += filter.push(text.slice(at, at + size));
  const end = filter.finish();
  return { shown: shown + end.rest, end };
}

describe('the leak guard', () => {
  it('catches a strong answer copied into a message', () => {
    const strong = point.strong.split(/\s+/).slice(0, 14).join(' ');
    expect(guard.check(`Good question. ${strong}`)?.kind).toBe('strong-answer');
  });

  it('lets through what the interviewer is meant to say: probes, facts, openings', () => {
    for (const text of [
      point.probe,
      caseStudy.facts[0]!.answer,
      caseStudy.steps.data.opening,
      caseStudy.prompt,
    ]) {
      expect(guard.check(text)).toBeNull();
    }
    expect(
      guard.check('Okay, understood. Go on with this part, and tell me how you would evaluate it.'),
    ).toBeNull();
  });

  it('catches talk about the grading itself, but lets a refusal through', () => {
    expect(guard.check('You have not hit the talking points on calibration yet.')?.kind).toBe('meta');
    expect(guard.check('Your score so far is 60. Keep going.')?.kind).toBe('meta');
    expect(
      guard.check("I can't share the rubric during the interview. Let's get back to the data."),
    ).toBeNull();
    expect(guard.check('I cannot share the rubric, but keep going.')).toBeNull();
  });

  it('holds back a sentence about the grading until it ends, then judges it', () => {
    const filter = new OutputFilter(guard);
    expect(filter.push('Okay. The rubric is something I ')).toBe('Okay.');
    filter.push("can't share here. What else would you add?");
    const end = filter.finish();
    expect(end.leak).toBeNull();
    expect(end.text).toBe("Okay. The rubric is something I can't share here. What else would you add?");
  });

  it('catches a talking point title, unless it may be said this turn', () => {
    // A title the interviewer's own lines contain (an opening, a probe) is not a secret: pick one that is.
    const spoken = [
      ...Object.values(caseStudy.steps).flatMap((step) => [step.opening, ...step.points.map((p) => p.probe)]),
      ...framework.steps.flatMap((step) => [step.opening, step.purpose, ...step.points.map((p) => p.probe)]),
    ]
      .join(' ')
      .toLowerCase();
    const title = Object.values(caseStudy.steps)
      .flatMap((step) => step.points)
      .map((p) => p.title)
      .find((candidate) => candidate.includes(' ') && !spoken.includes(candidate.toLowerCase()))!;
    expect(guard.check(`Think about ${title.toLowerCase()} here.`)?.kind).toBe('title');
    expect(
      guard.check(`Think about ${title} here.`, { allowedTitles: new Set([title.toLowerCase()]) }),
    ).toBeNull();
  });
});

describe('the streamed output filter', () => {
  it('shows a clean reply in full, holding back only words that could still start a leak', () => {
    const filter = new OutputFilter(guard);
    const first = filter.push('How would you split the traffic between ');
    // Not a fixed five words: more than the first two words are already out.
    expect('How would you split the traffic between '.startsWith(first)).toBe(true);
    expect(first.length).toBeGreaterThan('How would '.length);
    const { rest, text, leak } = filter.finish();
    expect(first + rest).toBe('How would you split the traffic between ');
    expect(text).toBe('How would you split the traffic between');
    expect(leak).toBeNull();
  });

  it('never shows the words of a leak, and reports it at the end', () => {
    const strong = point.strong.split(/\s+/).slice(0, 20).join(' ');
    const { shown, end } = stream(`Let me think about that. ${strong} And so on.`);
    expect(end.leak?.kind).toBe('strong-answer');
    const leakedWords = end.leak!.match.split(' ');
    expect(shown.toLowerCase()).not.toContain(leakedWords.join(' '));
    expect(shown.startsWith('Let me think')).toBe(true);
  });

  it('drops reasoning blocks and a leading role label', () => {
    const { shown, end } = stream(
      '<think>the user wants numbers, be brief</think>Interviewer: About 300 million daily users.',
      4,
    );
    expect(end.text).toBe('About 300 million daily users.');
    expect(shown).toBe('About 300 million daily users.');
  });
});
