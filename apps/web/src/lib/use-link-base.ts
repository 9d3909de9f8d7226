import { useEffect, useState } from 'react';
import { api } from './api.ts';
import { isLoopback, type LinkBase, linkBase } from './link-base.ts';

/**
 * Where shared links should point. Only a page opened on this machine's loopback asks the server
 * for its network addresses; until the answer comes (or if it fails) links use the page's own.
 */
export function useLinkBase(): LinkBase {
  const [lanUrls, setLanUrls] = useState<string[] | undefined>(undefined);
  // Rendered outside a browser (component tests), there is no page and no link to make yet.
  const here = typeof window === 'undefined' ? null : window.location;
  const local = here !== null && isLoopback(here.hostname);
  useEffect(() => {
    if (!local) return;
    let live = true;
    api.health().then(
      (health) => live && setLanUrls(health.lanUrls ?? []),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [local]);
  return here ? linkBase(here, lanUrls) : { origin: '', reach: 'page' };
}
