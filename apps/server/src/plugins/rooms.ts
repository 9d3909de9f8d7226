import type { AsyncDb } from '@mlsd/db';
import { readIntent } from '@mlsd/interviewer';
import { AnalysisCache, buildReport } from '@mlsd/scoring';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../clock.ts';
import type {} from '../cluster/plugin.ts';
import {
  type GroupCommitOptions,
  type GroupCommitStats,
  groupCommits,
} from '../group-commit/group-commits.ts';
import { PeerRooms } from '../rooms/peer/peer-rooms.ts';
import type { PeerScorer } from '../rooms/peer/types.ts';
import { Rooms } from '../rooms/registry.ts';
import type { SessionBrains } from '../rooms/solo/brains.ts';
import { SoloRooms } from '../rooms/solo/solo-rooms.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every live room, solo and peer: the socket layer joins seats through it. */
    rooms: Rooms;
    /** Solo mocks: created by `POST /api/sessions`. */
    sessions: SoloRooms;
    /** Peer mocks: created by `POST /api/peer/rooms`. */
    peer: PeerRooms;
    /** How the solo rooms' commits were grouped (SQLite only). */
    commitGroups?: GroupCommitStats;
  }
}

export interface RoomsPluginOptions {
  clock: Clock;
  brains: SessionBrains;
  /** Replaces the peer rooms' offline scorer (tests). */
  peerScorer?: PeerScorer;
  /** Solo interviews one address may have running at once. */
  maxActiveSessionsPerAddress: number;
  /** On SQLite, commit the solo rooms' changes of one event-loop turn together (default true). */
  groupCommits?: boolean | GroupCommitOptions;
}

/** The store the solo rooms commit through: on SQLite, with the commits of one turn grouped. */
function soloStore(app: FastifyInstance, group: boolean | GroupCommitOptions): AsyncDb {
  if (group === false || app.store.file === null) return app.store;
  const grouped = groupCommits(app.store, app.db, group === true ? {} : group);
  app.decorate('commitGroups', grouped.stats);
  return grouped.store;
}

/** The offline matcher as a peer room's automatic scorer; the pad counts as the candidate's words. */
export function offlinePeerScorer(): PeerScorer {
  const cache = new AnalysisCache();
  return {
    asksForFacts: (text: string) => readIntent(text).intent === 'facts',
    report: (input) =>
      buildReport({
        study: input.caseStudy,
        framework: input.framework,
        turns: input.transcript,
        notes: input.pad,
        durationMinutes: input.durationMinutes,
        sessionId: input.roomId,
        startedAt: input.startedAt,
        endedAt: input.now,
        now: input.now,
        cache,
        level: input.level,
      }),
  };
}

async function roomsPlugin(app: FastifyInstance, options: RoomsPluginOptions): Promise<void> {
  const { clock } = options;
  const solo = new SoloRooms({
    db: soloStore(app, options.groupCommits ?? true),
    rubrics: app.rubrics,
    clock,
    brains: options.brains,
    log: app.log,
    maxActivePerAddress: options.maxActiveSessionsPerAddress,
  });
  const peer = new PeerRooms({
    store: app.store.peers,
    rubrics: app.rubrics,
    clock,
    log: app.log,
    scorer: options.peerScorer ?? offlinePeerScorer(),
  });
  const rooms = new Rooms([solo, peer], app.store.observers, clock, app.log);
  solo.attach(rooms);
  peer.attach(rooms);
  app.decorate('rooms', rooms);
  app.decorate('sessions', solo);
  app.decorate('peer', peer);
  // With REDIS_URL, rooms are shared with other instances: the lease decides which one runs each,
  // and the running-interview cap per address counts every instance's.
  if (app.cluster) {
    solo.shareActiveCount(app.cluster.activeCounts('solo', () => solo.activeByAddress()));
    await app.cluster.start(rooms);
  }
  // Rooms that were running when the server stopped pick up where they left off.
  app.addHook('onReady', () => rooms.resumeAll());
  app.addHook('onClose', () => rooms.close());
}

export default fp(roomsPlugin, {
  name: 'mlsd-rooms',
  fastify: '5.x',
  dependencies: ['mlsd-db', 'mlsd-rubrics', 'mlsd-cluster'],
});
