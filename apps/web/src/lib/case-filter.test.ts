import type { CaseSummary } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { caseFacets, filterCases } from './case-filter.ts';

const cases: CaseSummary[] = [
  {
    id: 'ads',
    title: 'Ad click prediction',
    summary: 'Predict clicks on ads',
    levels: ['mid'],
    tags: ['ranking', 'ads'],
  },
  {
    id: 'feed',
    title: 'News feed ranking',
    summary: 'Order posts for a user',
    levels: ['senior'],
    tags: ['ranking'],
  },
  {
    id: 'fraud',
    title: 'Payment fraud',
    summary: 'Flag fraudulent payments',
    levels: ['senior', 'staff'],
    tags: ['classification'],
  },
];

const ids = (list: CaseSummary[]) => list.map((c) => c.id);

describe('filterCases', () => {
  it('matches every query word against title, summary and tags', () => {
    expect(ids(filterCases(cases, { query: '', level: '', tag: '' }))).toEqual(['ads', 'feed', 'fraud']);
    expect(ids(filterCases(cases, { query: 'RANKING', level: '', tag: '' }))).toEqual(['ads', 'feed']);
    expect(ids(filterCases(cases, { query: 'posts user', level: '', tag: '' }))).toEqual(['feed']);
    expect(ids(filterCases(cases, { query: 'posts ads', level: '', tag: '' }))).toEqual([]);
  });

  it('filters by level and tag', () => {
    expect(ids(filterCases(cases, { query: '', level: 'senior', tag: '' }))).toEqual(['feed', 'fraud']);
    expect(ids(filterCases(cases, { query: '', level: 'senior', tag: 'ranking' }))).toEqual(['feed']);
    expect(ids(filterCases(cases, { query: '', level: 'staff', tag: '' }))).toEqual(['fraud']);
  });

  it('lists the facets once, sorted', () => {
    expect(caseFacets(cases)).toEqual({
      levels: ['mid', 'senior', 'staff'],
      tags: ['ads', 'classification', 'ranking'],
    });
  });
});
