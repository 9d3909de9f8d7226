import { Suspense, useEffect } from 'react';
import { AccessGuard } from './components/access-gate.tsx';
import { AppHeader } from './components/app-header.tsx';
import { ErrorPage } from './components/error-page.tsx';
import { Loading } from './components/loading.tsx';
import { useRoute } from './lib/use-route.ts';
import { lazyPage } from './pages/lazy-page.tsx';

// Each page is its own chunk, so the first load fetches the shell and the page it opens, not
// every page (and never mermaid, which the diagram pad fetches when it first draws).
const HomePage = lazyPage(() => import('./pages/home/home-page.tsx').then((m) => m.HomePage));
const HistoryPage = lazyPage(() => import('./pages/history/history-page.tsx').then((m) => m.HistoryPage));
const RoomPage = lazyPage(() => import('./pages/room/room-page.tsx').then((m) => m.RoomPage));
const ReportPage = lazyPage(() => import('./pages/report/report-page.tsx').then((m) => m.ReportPage));
const PeerPage = lazyPage(() => import('./pages/peer/peer-page.tsx').then((m) => m.PeerPage));
const WatchPage = lazyPage(() => import('./pages/watch/watch-page.tsx').then((m) => m.WatchPage));
const DrillsPage = lazyPage(() => import('./pages/drills/drills-page.tsx').then((m) => m.DrillsPage));
const ReviewPage = lazyPage(() => import('./pages/review/review-page.tsx').then((m) => m.ReviewPage));
const DrawPage = lazyPage(() => import('./pages/draw/draw-page.tsx').then((m) => m.DrawPage));
const SharedReportPage = lazyPage(() =>
  import('./pages/shared/shared-report-page.tsx').then((m) => m.SharedReportPage),
);

const TITLES = {
  home: 'New interview',
  history: 'History',
  drills: 'Drills',
  review: 'Review',
  draw: 'Draw from memory',
  room: 'Interview',
  report: 'Report',
  peer: 'Peer interview',
  watch: 'Watching',
  shared: 'Shared report',
  'not-found': 'Not found',
};

export function App() {
  const route = useRoute();

  useEffect(() => {
    document.title = `${TITLES[route.name]} · mlsd-mock`;
  }, [route.name]);

  return (
    <div className={`app app--${route.name}`}>
      <button type="button" className="skip-link" onClick={skipToMain}>
        Skip to content
      </button>
      <AppHeader route={route} />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          {/* Only the pages that create or list sessions ask for a passphrase; seat links never do. */}
          {route.name === 'home' && (
            <AccessGuard>
              <HomePage key={route.caseId ?? ''} initialCaseId={route.caseId ?? null} />
            </AccessGuard>
          )}
          {route.name === 'history' && (
            <AccessGuard>
              <HistoryPage />
            </AccessGuard>
          )}
          {/* The study modes are the owner's practice, like the history. */}
          {route.name === 'drills' && (
            <AccessGuard>
              <DrillsPage key={route.cardId ?? ''} {...(route.cardId ? { cardId: route.cardId } : {})} />
            </AccessGuard>
          )}
          {route.name === 'review' && (
            <AccessGuard>
              <ReviewPage />
            </AccessGuard>
          )}
          {route.name === 'draw' && (
            <AccessGuard>
              <DrawPage key={route.caseId} caseId={route.caseId} />
            </AccessGuard>
          )}
          {route.name === 'room' && <RoomPage key={route.sessionId} sessionId={route.sessionId} />}
          {route.name === 'report' && <ReportPage key={route.sessionId} sessionId={route.sessionId} />}
          {route.name === 'peer' && (
            <PeerPage
              key={`${route.roomId}/${route.token}/${route.view}`}
              roomId={route.roomId}
              token={route.token}
              view={route.view}
            />
          )}
          {route.name === 'watch' && (
            <WatchPage key={`${route.roomId}/${route.token}`} roomId={route.roomId} token={route.token} />
          )}
          {route.name === 'shared' && <SharedReportPage key={route.token} token={route.token} />}
          {route.name === 'not-found' && (
            <ErrorPage title="Page not found">
              There is no page at <code>{route.path}</code>. It may have been a mistyped or an old link.
            </ErrorPage>
          )}
        </Suspense>
      </main>
    </div>
  );
}

// The hash belongs to the router, so the skip link is a button that moves focus.
function skipToMain() {
  document.getElementById('main')?.focus();
}
