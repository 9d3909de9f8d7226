import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { Insights } from './insights.tsx';
import { ScoreChart } from './score-chart.tsx';
import { SessionList } from './session-list.tsx';
import { useHistory } from './use-history.ts';

export function HistoryPage() {
  const { first, loaded, hasMore, older, loadMore, reload } = useHistory();
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
          <div className="history__top">
            <ScoreChart sessions={loaded.sessions} />
            <Insights sessions={loaded.sessions} cases={loaded.cases} />
          </div>
          <SessionList sessions={loaded.sessions} />
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
