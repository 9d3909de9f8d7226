import type { Route } from '../lib/routes.ts';
import './app-header.css';
import { useDueCount } from '../lib/use-due-count.ts';

/** Pages of this browser's own practice: only there does the header ask for the review count. */
const OWNER_PAGES: ReadonlySet<Route['name']> = new Set(['home', 'history', 'drills', 'review', 'draw']);

export function AppHeader({ route }: { route: Route }) {
  const current = (name: Route['name']) => (route.name === name ? 'page' : undefined);
  const due = useDueCount(window.location.hash, OWNER_PAGES.has(route.name));
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        <span className="brand__mark" aria-hidden="true">
          ◆
        </span>
        <span>
          mlsd<span className="brand__dim">-mock</span>
        </span>
      </a>
      <nav aria-label="Main">
        <a href="#/" aria-current={current('home')}>
          New<span className="nav-long"> interview</span>
        </a>
        <a href="#/drills" aria-current={current('drills') ?? current('draw')}>
          Drills
        </a>
        <a href="#/review" aria-current={current('review')}>
          Review
          {due !== null && due > 0 && (
            <span className="nav-count" title={`${due} due`}>
              {due > 99 ? '99+' : due}
            </span>
          )}
        </a>
        <a href="#/history" aria-current={current('history')}>
          History
        </a>
      </nav>
    </header>
  );
}
