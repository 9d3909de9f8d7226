import type { Report, SessionDetail } from '@mlsd/protocol';
import { ErrorPage } from '../../components/error-page.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { ApiRequestError, api } from '../../lib/api.ts';
import { href } from '../../lib/routes.ts';
import { browserStore, getSessionKey } from '../../lib/storage.ts';
import { useAsync } from '../../lib/use-async.ts';
import { DrawFromMemoryLink } from '../draw/draw-link.tsx';
import { ReportView } from './report-view.tsx';
import { ShareLinks } from './share-links.tsx';

type Loaded =
  | { kind: 'report'; session: SessionDetail; report: Report }
  | { kind: 'in-progress'; session: SessionDetail };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function loadReport(sessionId: string, token: string): Promise<Loaded> {
  // The report is stored as the interview ends; give a just-ended session a few seconds.
  for (let attempt = 0; ; attempt++) {
    const session = await api.session(sessionId, token);
    if (session.status === 'active') return { kind: 'in-progress', session };
    if (session.reportId)
      return { kind: 'report', session, report: await api.report(session.reportId, token) };
    if (attempt >= 5)
      throw new ApiRequestError(0, 'NO_REPORT', 'The interview ended but its report is not ready yet.');
    await sleep(1000);
  }
}

export function ReportPage({ sessionId }: { sessionId: string }) {
  const key = getSessionKey(browserStore(), sessionId);
  const loaded = useAsync(
    () => (key ? loadReport(sessionId, key.token) : Promise.resolve(null)),
    [sessionId],
  );

  if (!key) {
    return (
      <ErrorPage title="No report for this browser">
        The report of session <code>{sessionId}</code> can only be opened by the browser that ran the
        interview. Its owner can send you a read-only link from their report.
      </ErrorPage>
    );
  }
  if (loaded.status === 'loading') return <Loading label="Loading the report…" />;
  if (loaded.status === 'error') {
    const error = loaded.error;
    if (error instanceof ApiRequestError && (error.isNotFound || error.isUnauthorized)) {
      return (
        <ErrorPage title="Report not found">
          Session <code>{sessionId}</code> does not exist on this server any more, or it refused this
          browser's key.
        </ErrorPage>
      );
    }
    return (
      <div className="page">
        <LoadError error={error} onRetry={loaded.reload} what="the report" />
      </div>
    );
  }
  const value = loaded.value;
  if (!value) return null;
  if (value.kind === 'in-progress') {
    return (
      <ErrorPage
        title="This interview is still running"
        action={
          <a className="button" href={href({ name: 'room', sessionId })}>
            Back to the interview
          </a>
        }
      >
        The report of <strong>{value.session.caseTitle}</strong> is written when the interview ends.
      </ErrorPage>
    );
  }
  return (
    <ReportView
      session={value.session}
      report={value.report}
      share={
        <>
          <ShareLinks sessionId={sessionId} token={key.token} />
          <DrawFromMemoryLink caseId={value.report.caseId} />
        </>
      }
    />
  );
}
