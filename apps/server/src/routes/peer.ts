import { CreatePeerRoomBody, PeerRoomId } from '@mlsd/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Access } from '../access.ts';
import { bearerToken } from '../auth.ts';
import { parseOrThrow } from '../validation.ts';

const RoomParams = z.object({ id: PeerRoomId });

const UNAUTHORIZED =
  'this room link is not valid: send "Authorization: Bearer <token>" with a seat token from the room link';

const bearer = (request: FastifyRequest) => bearerToken(request, UNAUTHORIZED);

/** The peer REST API, under /api/peer. */
export async function peerRoutes(app: FastifyInstance, options: { access: Access }): Promise<void> {
  const { access } = options;
  // Creating rooms writes to disk; a runaway client should not fill it.
  // With an access passphrase, only those who know it make rooms: a peer candidate cannot open
  // a room of their own on the same case to read its answer key.
  app.post('/rooms', { config: { rateLimit: { max: 30, timeWindow: 60_000 } } }, async (request, reply) => {
    access.requireKey(request);
    const body = parseOrThrow(CreatePeerRoomBody, request.body ?? {}, 'peer room request');
    return reply.status(201).send(await app.peer.create({ ...body, ownerHash: access.ownerOf(request) }));
  });

  app.get('/rooms/:id', async (request) => {
    const { id } = parseOrThrow(RoomParams, request.params, 'room id');
    return app.peer.info(id, bearer(request));
  });

  app.get('/rooms/:id/report', async (request) => {
    const { id } = parseOrThrow(RoomParams, request.params, 'room id');
    return app.peer.report(id, bearer(request));
  });
}
