import type { CaseSummary } from '@mlsd/protocol';

/** A case as a radio choice: arrow keys move between cards, Space selects. */
export function CaseCard({
  item,
  selected,
  onSelect,
}: {
  item: CaseSummary;
  selected: boolean;
  onSelect: () => void;
}) {
  return (
    <label className={`case-card${selected ? ' case-card--selected' : ''}`} data-case-id={item.id}>
      <input
        type="radio"
        name="case"
        value={item.id}
        checked={selected}
        onChange={onSelect}
        className="visually-hidden"
      />
      <span className="case-card__top">
        <span className="case-card__title">{item.title}</span>
        <span className="pill pill--level">{item.levels.join(' · ')}</span>
      </span>
      <span className="case-card__summary">{item.summary}</span>
      <span className="case-card__tags">
        {item.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </span>
    </label>
  );
}
