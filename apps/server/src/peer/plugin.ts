import { PeerStore } from '@mlsd/db';
import { readIntent } from '@mlsd/interviewer';
import { AnalysisCache, buildReport } from '@mlsd/scoring';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../clock.ts';
import type { PeerScorer } from './peer-room.ts';
import { PeerRuntime } from './peer-runtime.ts';

declare module 'fastify' {
  interface FastifyInstance {
    peer: PeerRuntime;
  }
}

export interface PeerPluginOptions {
  clock: Clock;
  /** Replaces the offline scorer (tests). */
  scorer?: PeerScorer;
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
      }),
  };
}

async function peerPlugin(app: FastifyInstance, options: PeerPluginOptions): Promise<void> {
  const runtime = new PeerRuntime({
    store: new PeerStore(app.db.sqlite),
    rubrics: app.rubrics,
    clock: options.clock,
    log: app.log,
    scorer: options.scorer ?? offlinePeerScorer(),
  });
  app.decorate('peer', runtime);
  // Rooms whose interview was running when the server stopped get their clocks back.
  app.addHook('onReady', () => runtime.resumeAll());
  app.addHook('onClose', () => runtime.close());
}

export default fp(peerPlugin, {
  name: 'mlsd-peer',
  fastify: '5.x',
  dependencies: ['mlsd-db', 'mlsd-rubrics'],
});
