import { type ApiError, ERROR_STATUS, type ErrorCode } from '@mlsd/protocol';
import type { FastifyError, FastifyInstance } from 'fastify';

export type AppErrorCode = ErrorCode;

/** The server's one error class: the protocol's one set of codes, each with its HTTP status. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly statusCode: number;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.statusCode = ERROR_STATUS[code];
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function apiError(statusCode: number, code: ErrorCode, message: string): ApiError {
  return {
    statusCode,
    code,
    error: REASONS[statusCode] ?? (statusCode >= 500 ? 'Server Error' : 'Client Error'),
    message,
  };
}

/** Maps fastify's own 4xx codes (bad JSON, wrong content type, body too large) onto ours. */
function fastifyCode(status: number): ErrorCode {
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 404) return 'NOT_FOUND';
  return 'VALIDATION_FAILED';
}

/**
 * One error handler: 4xx replies say what was wrong; 5xx replies hide internals and are logged.
 * With `spa`, unknown GETs outside /api and /ws get the web app's index.html (deep links).
 */
export function installErrorHandler(app: FastifyInstance, options: { spa: boolean }): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      const message =
        error.statusCode >= 500 ? 'something went wrong on the server; try again' : error.message;
      return reply.status(error.statusCode).send(apiError(error.statusCode, error.code, message));
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status < 500) {
      return reply.status(status).send(apiError(status, fastifyCode(status), error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(apiError(500, 'INTERNAL', 'something went wrong on the server; try again'));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/') || path === '/ws' || path.startsWith('/ws/');
    if (options.spa && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .send(apiError(404, 'NOT_FOUND', `no route for ${request.method} ${path}; see GET /api/health`));
  });
}
