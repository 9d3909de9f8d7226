import type { CaseFilter } from '../../lib/case-filter.ts';

export function CaseFilters({
  filter,
  onChange,
  facets,
  total,
  shown,
}: {
  filter: CaseFilter;
  onChange: (filter: CaseFilter) => void;
  facets: { levels: string[]; tags: string[] };
  total: number;
  shown: number;
}) {
  const set = (patch: Partial<CaseFilter>) => onChange({ ...filter, ...patch });
  const active = filter.query || filter.level || filter.tag;
  return (
    <search className="filters">
      <label className="field field--grow">
        <span className="visually-hidden">Search cases</span>
        <input
          type="search"
          placeholder="Search title, summary or tag"
          value={filter.query}
          onChange={(e) => set({ query: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">Level</span>
        <select value={filter.level} onChange={(e) => set({ level: e.target.value })}>
          <option value="">Any</option>
          {facets.levels.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Tag</span>
        <select value={filter.tag} onChange={(e) => set({ tag: e.target.value })}>
          <option value="">Any</option>
          {facets.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <span className="filters__count" aria-live="polite">
        {shown === total ? `${total} cases` : `${shown} of ${total}`}
      </span>
      {active && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onChange({ query: '', level: '', tag: '' })}
        >
          Clear
        </button>
      )}
    </search>
  );
}
