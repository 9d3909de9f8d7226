import {
  ACCESS_KEY_HEADER,
  ApiError,
  CaseSummary,
  type ClaimSessionsBody,
  ClaimSessionsResponse,
  type CreateSessionBody,
  CreateSessionResponse,
  CreateShareResponse,
  HealthResponse,
  ObserverLinkResponse,
  OWNER_HEADER,
  Report,
  ReportShare,
  SESSIONS_NEXT_HEADER,
  type SeatView,
  SessionDetail,
  SessionSummary,
  SharedReport,
} from '@mlsd/protocol';
import * as z from 'zod/mini';
import { lockAccess } from './access-gate.ts';
import { claimKnownSessions } from './claim.ts';
import { loadAccessKey, ownerKey, saveAccessKey } from './owner.ts';
import { browserStore } from './storage.ts';

/** A failed API call, with what the server said (or why there was no answer). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isUnauthorized(): boolean {
    return this.status === 401 || this.status === 403;
  }

  /** The server has an access passphrase and this request lacked it or carried a wrong one. */
  get needsAccessKey(): boolean {
    return this.code === 'ACCESS_KEY_REQUIRED';
  }
}

/** Request options; headers are a plain object so they can be merged (and read in tests). */
export type ApiInit = Omit<RequestInit, 'headers'> & { headers?: Record<string, string> };

/**
 * Fetches `path` and checks the reply against `schema`, throwing an ApiRequestError that says what
 * went wrong.
 */
export async function request<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  init: ApiInit = {},
): Promise<z.output<S>> {
  return (await requestWithHeaders(path, schema, init)).data;
}

/** `request`, also giving the reply's headers (a paged list carries its next cursor in one). */
async function requestWithHeaders<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  init: ApiInit = {},
): Promise<{ data: z.output<S>; headers: Headers }> {
  // The passphrase goes with every request once known: the server ignores it where it is not needed.
  const store = browserStore();
  const accessKey = loadAccessKey(store);
  const headers = { ...init.headers, ...(accessKey ? { [ACCESS_KEY_HEADER]: accessKey } : {}) };
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiRequestError(
      0,
      'NETWORK',
      'The server is not answering. Check that it is running, then retry.',
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    const status = `${response.status} ${response.statusText}`;
    const failure = error.success
      ? new ApiRequestError(response.status, error.data.code, error.data.message)
      : new ApiRequestError(response.status, 'HTTP', `The server answered ${status}.`);
    if (failure.needsAccessKey) {
      // A refused passphrase is forgotten, unless the user typed a new one while this was in flight.
      if (accessKey !== null && loadAccessKey(store) === accessKey) saveAccessKey(store, null);
      lockAccess(accessKey === null ? null : failure.message);
    }
    throw failure;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    const detail = ` (${where}: ${issue?.message})`;
    throw new ApiRequestError(response.status, 'BAD_RESPONSE', `Unexpected reply from ${path}${detail}.`);
  }
  return { data: parsed.data, headers: response.headers };
}

/** One page of the history, newest first; `next` is the cursor of the older page, or null. */
export interface SessionsPage {
  sessions: SessionSummary[];
  next: string | null;
}

export const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** The header that makes a new session or room this browser's, and lists this browser's history. */
export const ownerHeaders = (): Record<string, string> => ({ [OWNER_HEADER]: ownerKey(browserStore()) });

const json = (body: unknown, headers: Record<string, string> = {}): ApiInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

let claiming: Promise<boolean> | null = null;

/** Claims this browser's sessions from before owners existed, once; concurrent callers share it. */
export function claimOnce(): Promise<boolean> {
  claiming ??= claimKnownSessions(browserStore(), api.claim).finally(() => {
    claiming = null;
  });
  return claiming;
}

const share = (id: string) => `/api/sessions/${encodeURIComponent(id)}/shares`;

export const api = {
  cases: () => request('/api/cases', z.array(CaseSummary)),
  health: () => request('/api/health', HealthResponse),
  /** The newest page of this browser's sessions (enough to find one still running). */
  sessions: async () => {
    await claimOnce();
    return request('/api/sessions', z.array(SessionSummary), { headers: ownerHeaders() });
  },
  /** A page of this browser's history; pass the previous page's `next` to get older sessions. */
  sessionsPage: async (before: string | null = null): Promise<SessionsPage> => {
    await claimOnce();
    const path = before ? `/api/sessions?before=${encodeURIComponent(before)}` : '/api/sessions';
    const { data, headers } = await requestWithHeaders(path, z.array(SessionSummary), {
      headers: ownerHeaders(),
    });
    return { sessions: data, next: headers.get(SESSIONS_NEXT_HEADER) };
  },
  /** Whether the stored passphrase opens this server: the smallest request that needs it. */
  checkAccess: () => request('/api/sessions?limit=1', z.array(SessionSummary), { headers: ownerHeaders() }),
  /** Makes sessions from before owners existed this browser's (see claimOnce). */
  claim: (sessions: ClaimSessionsBody['sessions']) =>
    request('/api/sessions/claim', ClaimSessionsResponse, json({ sessions }, ownerHeaders())),
  createSession: (body: CreateSessionBody) =>
    request('/api/sessions', CreateSessionResponse, json(body, ownerHeaders())),
  session: (id: string, token: string) =>
    request(`/api/sessions/${encodeURIComponent(id)}`, SessionDetail, bearer(token)),
  report: (id: string, token: string) =>
    request(`/api/reports/${encodeURIComponent(id)}`, Report, bearer(token)),
  /** A read-only watch link to room `id` (solo or peer), made with this seat's token. */
  observerLink: (id: string, token: string, view: SeatView) =>
    request(`/api/rooms/${encodeURIComponent(id)}/observers`, ObserverLinkResponse, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ view }),
    }),
  /** A read-only link to session `id`'s report; its token is in this reply only. */
  createShare: (id: string, token: string) =>
    request(share(id), CreateShareResponse, json({}, { authorization: `Bearer ${token}` })),
  shares: (id: string, token: string) => request(share(id), z.array(ReportShare), bearer(token)),
  revokeShare: (id: string, token: string, shareId: string) =>
    request(`${share(id)}/${encodeURIComponent(shareId)}`, z.null(), {
      method: 'DELETE',
      ...bearer(token),
    }),
  /** What a read-only report link shows; needs nothing but the link's token. */
  shared: (token: string) => request(`/api/shared/${encodeURIComponent(token)}`, SharedReport),
};
