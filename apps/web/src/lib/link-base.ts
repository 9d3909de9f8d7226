import { pageLink } from './routes.ts';

/**
 * Where the links this page hands out point. `page`: the address this page was opened at, which
 * others can reach. `lan`: the page is on this machine's loopback, so links use the server's
 * network address instead. `this-machine`: loopback and no network address known, so the links
 * only work on this computer.
 */
export type LinkReach = 'page' | 'lan' | 'this-machine';

export interface LinkBase {
  origin: string;
  reach: LinkReach;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Whether a page at this host name is reachable from this computer only. */
export function isLoopback(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/** The origin to put in shared links, given where the page is and the server's network addresses. */
export function linkBase(
  location: Pick<Location, 'origin' | 'hostname'>,
  lanUrls: readonly string[] | undefined,
): LinkBase {
  if (!isLoopback(location.hostname)) return { origin: location.origin, reach: 'page' };
  const lan = lanUrls?.[0];
  if (lan) return { origin: new URL(lan).origin, reach: 'lan' };
  return { origin: location.origin, reach: 'this-machine' };
}

/** A shared link for an app route from `base`, keeping this page's path. */
export function sharedLink(
  path: string,
  base: LinkBase,
  location: Pick<Location, 'pathname'> = window.location,
): string {
  return pageLink(path, { origin: base.origin, pathname: location.pathname });
}
