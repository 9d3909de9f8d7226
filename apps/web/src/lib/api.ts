import {
  ApiError,
  CaseSummary,
  type CreateSessionBody,
  CreateSessionResponse,
  HealthResponse,
  ObserverLinkResponse,
  Report,
  SESSIONS_NEXT_HEADER,
  type SeatView,
  SessionDetail,
  SessionSummary,
} from '@mlsd/protocol';
import { z } from 'zod';

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
}

/**
 * Fetches `path` and checks the reply against `schema`, throwing an ApiRequestError that says what
 * went wrong.
 */
export async function request<T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
  return (await requestWithHeaders(path, schema, init)).data;
}

/** `request`, also giving the reply's headers (a paged list carries its next cursor in one). */
async function requestWithHeaders<T>(
  path: string,
  schema: z.ZodType<T>,
  init: RequestInit = {},
): Promise<{ data: T; headers: Headers }> {
  let response: Response;
  try {
    response = await fetch(path, init);
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
    throw error.success
      ? new ApiRequestError(response.status, error.data.code, error.data.message)
      : new ApiRequestError(response.status, 'HTTP', `The server answered ${status}.`);
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

export const api = {
  cases: () => request('/api/cases', z.array(CaseSummary)),
  health: () => request('/api/health', HealthResponse),
  /** The newest page of sessions (enough to find one still running). */
  sessions: () => request('/api/sessions', z.array(SessionSummary)),
  /** A page of the history; pass the previous page's `next` to get older sessions. */
  sessionsPage: async (before: string | null = null): Promise<SessionsPage> => {
    const path = before ? `/api/sessions?before=${encodeURIComponent(before)}` : '/api/sessions';
    const { data, headers } = await requestWithHeaders(path, z.array(SessionSummary));
    return { sessions: data, next: headers.get(SESSIONS_NEXT_HEADER) };
  },
  createSession: (body: CreateSessionBody) =>
    request('/api/sessions', CreateSessionResponse, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
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
};
