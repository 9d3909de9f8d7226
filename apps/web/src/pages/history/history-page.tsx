import { useState } from 'react';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { filterByLevel, type LevelFilter, levelsIn } from '../../lib/history-stats.ts';
import { LEVEL_LABEL } from '../../lib/session-choices.ts';
import { RecurringMisses } from '../review/recurring-misses.tsx';
import { Insights } from './insights.tsx';
import { ScoreChart } from './score-chart.tsx';
import { SessionList } from './session-list.tsx';
import { useHistory } from './use-history.ts';

export function HistoryPage() {
  const { first, loaded, hasMore, older, loadMore, reload } = useHistory();
  const [level, setLevel] = useState<LevelFilter>('all');
  const levels = loaded ? levelsIn(loaded.sessions) : [];
  const sessions = loaded ? filterByLevel(loaded.sessions, level) : [];
  return (
    <div className="history page">
      <header className="page-head">
        <h1>History</h1>
        <p className="lede">
          Every interview started in this browser, how your scores move, and what to practise next.
        </p>
      </header>
      {first.status === 'loading' && <Loading label="Loading your interviews…" />}
      {first.status === 'error' && <LoadError error={first.error} onRetry={reload} what="the history" />}
      {loaded && (
        <>
          {(levels.length > 1 || level !== 'all') && (
            <label className="field field--inline history__level">
              <span className="field__label">Level</span>
              <select value={level} onChange={(e) => setLevel(e.target.value as LevelFilter)}>
                <option value="all">All levels</option>
                {levels.map((option) => (
                  <option key={option} value={option}>
                    {LEVEL_LABEL[option]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="history__top">
            <ScoreChart sessions={sessions} />
            <Insights sessions={sessions} cases={loaded.cases} />
          </div>
          <RecurringMisses />
          <SessionList sessions={sessions} />
          {older.error !== null && (
            <LoadError error={older.error} onRetry={loadMore} what="older interviews" />
          )}
          {hasMore && older.error === null && (
            <p className="history__more">
              <button type="button" className="button" onClick={loadMore} disabled={older.loading}>
                {older.loading ? 'Loading…' : 'Load more'}
              </button>{' '}
              <span className="muted">
                Showing the newest {loaded.sessions.length}; the charts cover these too.
              </span>
            </p>
          )}
        </>
      )}
    </div>
  );
}
