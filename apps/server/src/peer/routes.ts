import { CreatePeerRoomBody, PeerRoomId } from '@mlsd/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { SocketLimits } from '../hardening.ts';
import { parseOrThrow } from '../validation.ts';
import { PeerConnection } from './peer-connection.ts';
import { RoomExpiredError } from './peer-runtime.ts';

const RoomParams = z.object({ id: PeerRoomId });

const UNAUTHORIZED =
  'this room link is not valid: send "Authorization: Bearer <token>" with a seat token from the room link';

function bearer(request: FastifyRequest): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  // A missing token is answered exactly like a wrong one.
  if (!match?.[1]) throw new AppError('UNAUTHORIZED', UNAUTHORIZED);
  return match[1];
}

/** 410 for a valid link to an expired room; everything else goes to the central error handler. */
async function orExpired<T>(reply: FastifyReply, work: () => T): Promise<T | FastifyReply> {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof RoomExpiredError)) throw error;
    return reply
      .status(410)
      .send({ statusCode: 410, code: 'ROOM_EXPIRED', error: 'Gone', message: error.message });
  }
}

/** The peer REST API, under /api/peer. */
export async function peerRoutes(app: FastifyInstance): Promise<void> {
  // Creating rooms writes to disk; a runaway client should not fill it.
  app.post('/rooms', { config: { rateLimit: { max: 30, timeWindow: 60_000 } } }, async (request, reply) => {
    const body = parseOrThrow(CreatePeerRoomBody, request.body ?? {}, 'peer room request');
    return reply.status(201).send(app.peer.create(body));
  });

  app.get('/rooms/:id', async (request, reply) => {
    const { id } = parseOrThrow(RoomParams, request.params, 'room id');
    return orExpired(reply, () => app.peer.info(id, bearer(request)));
  });

  app.get('/rooms/:id/report', async (request, reply) => {
    const { id } = parseOrThrow(RoomParams, request.params, 'room id');
    return orExpired(reply, () => app.peer.report(id, bearer(request)));
  });
}

/** `/ws/peer`: register inside the context that registered @fastify/websocket. */
export function peerSocketRoute(
  app: FastifyInstance,
  options: { clock: Clock; hardening: SocketLimits },
): void {
  app.get('/ws/peer', { websocket: true }, (socket, request) => {
    new PeerConnection(socket, app.peer, options.clock, request.log, options.hardening);
  });
}
