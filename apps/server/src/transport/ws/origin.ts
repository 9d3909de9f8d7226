import { listEntries } from '../list.ts';

/**
 * Which browser pages may open the websocket. A page on another site could otherwise open a
 * socket to a server on the user's machine (cross-site websocket hijacking): browsers send cookies
 * and reach localhost, and CORS does not apply to websockets. Only the Origin header tells.
 */
export interface OriginPolicy {
  /** Extra origins allowed besides the page's own (MLSD_ALLOWED_ORIGINS), normalised. */
  allowed: ReadonlySet<string>;
  /** `*` in the list: any origin (for setups behind a proxy that rewrites Host). */
  any: boolean;
}

/** Parses a comma-separated list of origins such as `http://localhost:5173, https://mlsd.example.com`. */
export function parseOriginList(
  list: string | undefined,
): { ok: true; value: OriginPolicy } | { ok: false; error: string } {
  const allowed = new Set<string>();
  const { entries, any } = listEntries(list);
  for (const entry of entries) {
    const normalised = normaliseOrigin(entry);
    if (normalised === null) {
      return {
        ok: false,
        error: `"${entry}" is not an origin; write scheme://host[:port], e.g. http://localhost:5173`,
      };
    }
    allowed.add(normalised);
  }
  return { ok: true, value: { allowed, any } };
}

/** `scheme://host[:port]` with the default port dropped and lower case, or null when it is not an origin. */
export function normaliseOrigin(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (!/^(https?|wss?):$/.test(url.protocol) || url.host === '') return null;
  if (url.pathname !== '/' && url.pathname !== '') return null;
  return `${url.protocol}//${url.host}`;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Same-origin by default: the Origin's host must equal the Host header. No Origin header at all
 * means a non-browser client (CLI, tests, curl), which the token already guards: allowed.
 */
export function checkOrigin(
  origin: string | undefined,
  host: string | undefined,
  policy: OriginPolicy,
): OriginVerdict {
  if (origin === undefined) return { ok: true };
  if (policy.any) return { ok: true };
  const normalised = normaliseOrigin(origin);
  if (normalised !== null) {
    if (policy.allowed.has(normalised)) return { ok: true };
    const { protocol } = new URL(normalised);
    // Parsed the same way as the origin, so a default port written out still compares equal.
    const own = host === undefined ? null : normaliseOrigin(`${protocol}//${host.trim()}`);
    if (own !== null && own === normalised) return { ok: true };
  }
  return {
    ok: false,
    reason: `websocket connections from origin ${JSON.stringify(origin)} are not allowed; open the app from this server's own address, or add the origin to MLSD_ALLOWED_ORIGINS`,
  };
}
