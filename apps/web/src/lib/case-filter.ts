import type { CaseSummary } from '@mlsd/protocol';

export interface CaseFilter {
  query: string;
  level: string;
  tag: string;
}

/** Cases whose title, summary or tags contain every word of the query, at the chosen level and tag. */
export function filterCases(cases: CaseSummary[], filter: CaseFilter): CaseSummary[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return cases.filter((c) => {
    if (filter.level && !c.levels.includes(filter.level)) return false;
    if (filter.tag && !c.tags.includes(filter.tag)) return false;
    const haystack = [c.title, c.summary, ...c.tags].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Distinct levels and tags, for the filter menus. */
export function caseFacets(cases: CaseSummary[]): { levels: string[]; tags: string[] } {
  const levels = new Set<string>();
  const tags = new Set<string>();
  for (const c of cases) {
    for (const level of c.levels) levels.add(level);
    for (const t of c.tags) tags.add(t);
  }
  return { levels: [...levels].sort(), tags: [...tags].sort() };
}
