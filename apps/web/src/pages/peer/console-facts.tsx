import type { ConsoleFact } from '@mlsd/protocol';
import { useState } from 'react';

/** Facts whose cues appear in the text come first: the likely answers to the last question. */
export function rankFacts(facts: ConsoleFact[], question: string, filter: string): ConsoleFact[] {
  const asked = question.toLowerCase();
  const wanted = filter.trim().toLowerCase();
  const matches = (fact: ConsoleFact) => fact.cues.filter((cue) => asked.includes(cue.toLowerCase())).length;
  return facts
    .filter(
      (fact) =>
        wanted === '' ||
        fact.answer.toLowerCase().includes(wanted) ||
        fact.cues.some((cue) => cue.toLowerCase().includes(wanted)),
    )
    .map((fact, order) => ({ fact, order, score: matches(fact) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ fact }) => fact);
}

/** The case's facts for answering clarifying questions; "Use" adds one to the message box (none without `onUse`). */
export function ConsoleFacts({
  facts,
  lastQuestion,
  onUse,
}: {
  facts: ConsoleFact[];
  lastQuestion: string;
  onUse?: (answer: string) => void;
}) {
  const [filter, setFilter] = useState('');
  const shown = rankFacts(facts, lastQuestion, filter);
  const asked = lastQuestion.toLowerCase();
  return (
    <div className="console-facts">
      {lastQuestion && (
        <p className="console-facts__question">
          <span className="muted small">Last question:</span> {lastQuestion}
        </p>
      )}
      <label className="console-facts__filter">
        <span className="visually-hidden">Filter facts</span>
        <input
          type="search"
          placeholder="Filter facts (users, latency, labels…)"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </label>
      <ul className="console-list">
        {shown.map((fact) => {
          const likely = fact.cues.some((cue) => asked.includes(cue.toLowerCase()));
          return (
            <li key={fact.id} className={likely ? 'fact fact--likely' : 'fact'}>
              <span>
                {likely && <span className="fact__badge">matches the question</span>} {fact.answer}
                <span className="fact__cues muted small">{fact.cues.join(' · ')}</span>
              </span>
              {onUse && (
                <button type="button" className="link-button" onClick={() => onUse(fact.answer)}>
                  Use
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && <p className="muted small">No fact matches. Ask them to state an assumption.</p>}
    </div>
  );
}
