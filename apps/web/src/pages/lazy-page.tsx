import { type ComponentType, lazy } from 'react';
import { ErrorPage } from '../components/error-page.tsx';

/**
 * A page fetched as its own chunk when first opened. If the chunk cannot be fetched (offline, or
 * the server was rebuilt and the old file is gone), the page says so instead of going blank.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    try {
      return { default: await load() };
    } catch {
      return { default: PageNotLoaded as ComponentType<P> };
    }
  });
}

function PageNotLoaded() {
  return (
    <ErrorPage
      title="This page did not load"
      action={
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      }
    >
      The connection may have dropped, or the server was updated since this tab opened. Reloading fetches it
      again.
    </ErrorPage>
  );
}
