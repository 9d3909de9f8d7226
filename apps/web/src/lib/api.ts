import {
  ApiError,
  CaseSummary,
  type CreateSessionBody,
  CreateSessionResponse,
  HealthResponse,
  ObserverLinkResponse,
  Report,
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
  return parsed.data;
}

export const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

export const api = {
  cases: () => request('/api/cases', z.array(CaseSummary)),
  health: () => request('/api/health', HealthResponse),
  sessions: () => request('/api/sessions', z.array(SessionSummary)),
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
