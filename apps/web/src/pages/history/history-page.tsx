import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { api } from '../../lib/api.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Insights } from './insights.tsx';
import { ScoreChart } from './score-chart.tsx';
import { SessionList } from './session-list.tsx';

export function HistoryPage() {
  const data = useAsync(() => Promise.all([api.sessions(), api.cases()]), []);
  return (
    <div className="history page">
      <header className="page-head">
        <h1>History</h1>
        <p className="lede">
          Every interview on this server, how your scores move, and what to practise next.
        </p>
      </header>
      {data.status === 'loading' && <Loading label="Loading your interviews…" />}
      {data.status === 'error' && <LoadError error={data.error} onRetry={data.reload} what="the history" />}
      {data.status === 'ok' && (
        <>
          <div className="history__top">
            <ScoreChart sessions={data.value[0]} />
            <Insights sessions={data.value[0]} cases={data.value[1]} />
          </div>
          <SessionList sessions={data.value[0]} />
        </>
      )}
    </div>
  );
}
