import type { Route } from '../lib/routes.ts';

export function AppHeader({ route }: { route: Route }) {
  const current = (name: Route['name']) => (route.name === name ? 'page' : undefined);
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
          New interview
        </a>
        <a href="#/history" aria-current={current('history')}>
          History
        </a>
      </nav>
    </header>
  );
}
