import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/** Reads and files: every page load fetches a dozen, and they say nothing about any session. */
function isQuiet(request: FastifyRequest, reply: FastifyReply): boolean {
  if (reply.statusCode >= 400) return false;
  return request.method === 'GET' || request.method === 'HEAD';
}

/**
 * One log line per request, once it is answered, in place of Fastify's two ("incoming request",
 * "request completed"). What changes a session (creating one, a peer room, a share link, an
 * observer link, revoking) and every refusal or failure log at info; reads, the web app's files
 * and health polls at debug. An API line names the route pattern, not the URL, so ids and
 * tokens stay out of the log. Failures keep their own error line from the error handler.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(_error: unknown, request: FastifyRequest, reply: FastifyReply): void {
    // API routes by their pattern (ids and tokens stay out); the web app's files by their path.
    const pattern = request.routeOptions.url;
    const route = pattern?.startsWith('/api') ? pattern : (request.url.split('?')[0] ?? '');
    const line = `${request.method} ${route} ${reply.statusCode} (${Math.round(reply.elapsedTime)} ms)`;
    if (isQuiet(request, reply)) reply.log.debug(line);
    else reply.log.info(line);
  }
}
