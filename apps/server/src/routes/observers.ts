import { CreateObserverBody, type ObserverLinkResponse, RoomId } from '@mlsd/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bearerToken, newToken } from '../auth.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { parseOrThrow } from '../validation.ts';

const Params = z.object({ id: RoomId });

/** Most watch links one room may hand out: enough for a study group, not a flood of rows. */
export const MAX_OBSERVER_LINKS = 20;

const UNAUTHORIZED =
  'send "Authorization: Bearer <token>" with the token of a seat in this room (your own room link)';

const bearer = (request: FastifyRequest) => bearerToken(request, UNAUTHORIZED);

/** Watch links, under /api/rooms: any seat holder invites an observer; observers cannot invite. */
export async function observerRoutes(app: FastifyInstance, options: { clock: Clock }): Promise<void> {
  app.post(
    '/:id/observers',
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply): Promise<ObserverLinkResponse> => {
      const { id } = parseOrThrow(Params, request.params, 'room id');
      const { view } = parseOrThrow(CreateObserverBody, request.body ?? {}, 'observer link request');
      const grant = await app.rooms.grant(id, bearer(request));
      if (!grant.ok) throw new AppError('UNAUTHORIZED', UNAUTHORIZED);
      if (grant.seat === 'observer')
        throw new AppError('FORBIDDEN', 'observers cannot invite more observers');
      if (view === 'interviewer' && grant.seat !== 'interviewer') {
        throw new AppError(
          'FORBIDDEN',
          "only the interviewer of a peer room can share the console; ask for a view of 'candidate'",
        );
      }
      if ((await app.store.observers.count(id)) >= MAX_OBSERVER_LINKS) {
        throw new AppError(
          'RATE_LIMITED',
          `a room can have at most ${MAX_OBSERVER_LINKS} watch links; reuse one you made`,
        );
      }
      const { token, hash } = newToken();
      await app.store.observers.create({ roomId: id, tokenHash: hash, view, createdAt: options.clock.now() });
      reply.status(201);
      return { roomId: id, view, token, path: `#/watch/${id}/${token}` };
    },
  );
}
