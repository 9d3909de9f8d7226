import { ErrorPage } from '../../components/error-page.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { ApiRequestError, api } from '../../lib/api.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ReportView } from '../report/report-view.tsx';

/**
 * A report opened from a read-only link: the token in the hash is all it needs (no seat, no
 * passphrase), and it shows the owner's report without anything that acts on the session.
 */
export function SharedReportPage({ token }: { token: string }) {
  const shared = useAsync(() => api.shared(token), [token]);
  if (shared.status === 'loading') return <Loading label="Loading the shared report…" />;
  if (shared.status === 'error') {
    const error = shared.error;
    if (error instanceof ApiRequestError && error.isNotFound) {
      return (
        <ErrorPage title="This link does not open">
          {error.message.replace(/^./, (c) => c.toUpperCase())}
          {/[.!?]$/.test(error.message) ? '' : '.'}
        </ErrorPage>
      );
    }
    return (
      <div className="page">
        <LoadError error={error} onRetry={shared.reload} what="the shared report" />
      </div>
    );
  }
  return (
    <ReportView
      session={shared.value.session}
      report={shared.value.report}
      banner={
        <p className="shared-banner" role="note">
          <strong>Read-only copy shared by its owner.</strong> You can read and export it; nothing here
          changes their interview.
        </p>
      }
    />
  );
}
