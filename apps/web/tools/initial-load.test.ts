import { describe, expect, it } from 'vitest';
import { budgetFailures } from './initial-load.ts';

const sizes = [
  { name: 'shell', gzip: 89_400 },
  { name: 'home-page', gzip: 96_700 },
];

describe('budgetFailures', () => {
  it('passes a page within its budget, and one exactly at it', () => {
    expect(budgetFailures(sizes, { 'home-page': 105_000 })).toEqual([]);
    expect(budgetFailures(sizes, { 'home-page': 96_700 })).toEqual([]);
  });

  it('names the page over its budget and by how much', () => {
    const [failure, ...rest] = budgetFailures(sizes, { 'home-page': 90_000 });
    expect(rest).toEqual([]);
    expect(failure).toContain(
      "home-page's initial JavaScript is 96.7 kB gzip, 6.7 kB over its budget of 90.0 kB",
    );
  });

  it('refuses a budget for a page the build does not have, so a rename cannot drop the check', () => {
    expect(budgetFailures(sizes, { home: 105_000 })).toEqual([
      "initial-load budget names no page 'home'; pages: shell, home-page",
    ]);
  });
});
