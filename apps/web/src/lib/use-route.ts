import { useSyncExternalStore } from 'react';
import { href, parseRoute, type Route } from './routes.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current page, following the location hash. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash, () => ''));
}

export function navigate(
  route: Exclude<Route, { name: 'not-found' }>,
  options: { replace?: boolean } = {},
): void {
  const target = href(route);
  if (options.replace) window.location.replace(target);
  else window.location.hash = target;
}
