import { href } from '../../lib/routes.ts';
import { studyApi } from '../../lib/study-api.ts';
import { useAsync } from '../../lib/use-async.ts';
import '../drills/study.css';

/** History's list of talking points missed in two or more interviews; absent until there is one. */
export function RecurringMisses() {
  const misses = useAsync(() => studyApi.recurring(), []);
  if (misses.status !== 'ok' || misses.value.length === 0) return null;
  return (
    <section className="card recurring-misses" aria-labelledby="recurring-title">
      <h2 id="recurring-title">Recurring misses</h2>
      <p className="muted small">
        Talking points your interviews missed more than once. They are in your{' '}
        <a href={href({ name: 'review' })}>review</a>.
      </p>
      <ul className="match-list">
        {misses.value.slice(0, 15).map((miss) => (
          <li key={`${miss.caseId}/${miss.pointId}`}>
            <strong>{miss.title}</strong> <span className="muted small">{miss.caseTitle}</span>{' '}
            <span className="tag">missed {miss.sessions}×</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
