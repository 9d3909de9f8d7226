import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CaseStudy, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { fixtureCase } from '../test/fixtures.ts';
import { REAL_CASE_QUESTIONS, UNANSWERABLE } from '../test/real-case-questions.ts';
import { createFactIndex, factIndexFor, fold } from './facts.ts';

const ids = (question: string, index = factIndexFor(fixtureCase)) =>
  index.search(question).map((m) => m.fact.id);

describe('fact retrieval on the fixture case', () => {
  it.each([
    ['How many daily users do we have?', 'user-scale'],
    ['What is the latency budget for ranking?', 'latency'],
    ['How many posts does a user have to rank from?', 'candidates'],
    ['Which engagement signals do we log?', 'engagement-labels'],
    ['What is the business objective here?', 'business-goal'],
    ['How does the current ranking work?', 'existing-system'],
    ['Are there GDPR constraints?', 'privacy'],
    ['Can we use GPUs for serving?', 'hardware'],
    ['Is the app international, in many languages?', 'languages'],
  ])('answers "%s" with %s', (question, factId) => {
    expect(ids(question)).toEqual([factId]);
  });

  it('answers each part of a several-part question, in order', () => {
    expect(ids('How many users are there, and what is the latency budget?')).toEqual([
      'user-scale',
      'latency',
    ]);
    expect(ids('What is the scale? Do we have GDPR constraints?')).toEqual(['user-scale', 'privacy']);
  });

  it('finds nothing for a question the case does not cover', () => {
    expect(ids("What's the office dress code?")).toEqual([]);
    expect(ids('How many engineers are on the team?')).toEqual([]);
    expect(ids('Should the model be interpretable for regulators?')).toEqual([]);
    expect(ids('?')).toEqual([]);
  });

  it('works with fewer than three facts (wink-bm25 needs three documents)', () => {
    const two = createFactIndex(fixtureCase.facts.slice(0, 2));
    expect(ids('What response time do we need?', two)).toEqual(['latency']);
    expect(ids('Do we have labels?', two)).toEqual([]);
    expect(createFactIndex([]).search('anything at all?')).toEqual([]);
  });

  it('builds one index per case object', () => {
    expect(factIndexFor(fixtureCase)).toBe(factIndexFor(fixtureCase));
  });
});

describe('fold', () => {
  it('evens out forms the lemmatiser leaves apart', () => {
    expect(fold('existing')).toBe(fold('exist'));
    expect(fold('monetization')).toBe(fold('monetize'));
    expect(fold('sensitivity')).toBe(fold('sensitive'));
    expect(fold('embedding')).toBe(fold('embed'));
    expect(fold('calibration')).toBe(fold('calibrate'));
    expect(fold('need')).toBe('need');
  });
});

const casesDir = join(import.meta.dirname, '../../../rubrics/cases');
const realCases = readdirSync(casesDir)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => loadYamlFile(join(casesDir, name), CaseStudy))
  .flatMap((loaded) => (loaded.ok ? [loaded.value] : []));

describe('fact retrieval on the real cases', () => {
  const covered = realCases.filter((study) => REAL_CASE_QUESTIONS[study.id]);

  it('has real cases to check', () => {
    expect(covered.length).toBeGreaterThan(0);
  });

  for (const study of covered) {
    it(`answers realistic questions on ${study.id}`, () => {
      const index = factIndexFor(study);
      for (const [question, factId] of REAL_CASE_QUESTIONS[study.id] ?? []) {
        expect({ question, facts: ids(question, index) }).toEqual({ question, facts: [factId] });
      }
      for (const question of UNANSWERABLE) {
        expect({ question, facts: ids(question, index) }).toEqual({ question, facts: [] });
      }
    });
  }
});
