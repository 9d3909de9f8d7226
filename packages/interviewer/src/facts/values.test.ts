import { describe, expect, it } from 'vitest';
import { extractTerms } from './terms.ts';
import { kindsAsked, valuedTerms } from './values.ts';

describe('valuedTerms', () => {
  it('collects the words of each sentence that gives a duration or a share', () => {
    const valued = valuedTerms(
      'About 0.3% of posts break some policy. Reported posts are handled within 24 hours. Adult nudity is the most common.',
    );
    expect([...(valued.get('share') ?? [])]).toContain('break');
    expect([...(valued.get('duration') ?? [])]).toContain('handl');
    expect([...valued.values()].some((terms) => terms.has('nuditi'))).toBe(false);
  });

  it('reads shares of a duration as a duration, and rates per second as neither', () => {
    const valued = valuedTerms(
      '95% of clicks happen within 10 minutes. Requests peak at 150,000 per second.',
    );
    expect([...valued.keys()]).toEqual(['duration']);
    expect(valued.get('duration')?.has('request')).toBe(false);
  });
});

describe('kindsAsked', () => {
  it.each([
    ['How long until a charge is reported?', ['duration']],
    ['How many days pass before fraud is reported?', ['duration']],
    ['What fraction of posts are bad?', ['share']],
    ['How many users are there?', []],
  ])('"%s" asks for %j', (question, kinds) => {
    expect([...kindsAsked(extractTerms(question))]).toEqual(kinds);
  });
});
