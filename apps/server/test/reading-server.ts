import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSessionResponse } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { buildApp } from '../src/app.ts';
import type { ReadingSettings } from '../src/reading-pool/pooled-brains.ts';
import type { ReportRequest } from '../src/rooms/solo/brains.ts';
import { FakeClock } from './fake-clock.ts';
import { REPO_ROOT } from './helpers.ts';
import { TestSocket } from './ws-client.ts';

type Cleanup = () => Promise<void> | void;

/**
 * The real app on a temp SQLite file and a fake clock, the repo's rubrics, listening on
 * 127.0.0.1; `cleanups` gets what closes it. The reading-pool tests differ only in `reading`.
 */
export async function startReadingServer(reading: ReadingSettings, cleanups: Cleanup[], prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const clock = new FakeClock();
  const app = await buildApp({
    db: join(dir, 'mlsd.sqlite'),
    rubricsDir: join(REPO_ROOT, 'rubrics'),
    clock,
    reading,
  });
  cleanups.push(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    clock,
    port,
    /** A new solo session on `caseId` (its room goes live now). */
    async createSession(caseId: string, seed: number) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/sessions',
        payload: { caseId, durationMinutes: 45, seed },
      });
      return CreateSessionResponse.parse(response.json());
    },
    /** A socket that said hello to `session` and got its snapshot. */
    async open(session: { id: string; token: string }) {
      const socket = await TestSocket.open(`ws://127.0.0.1:${port}/ws`);
      cleanups.push(() => socket.close());
      socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
      await socket.next('snapshot');
      return socket;
    },
  };
}

/** The end-of-session offline report request the pool tests compare in and out of the workers. */
export function offlineReportRequest(
  sessionId: string,
  caseStudy: CaseStudy,
  framework: Framework,
  transcript: ReportRequest['transcript'],
): Omit<ReportRequest, 'analyses'> {
  return {
    sessionId,
    caseStudy,
    framework,
    durationMinutes: 45,
    transcript,
    notes: '',
    steps: [],
    degraded: false,
    interviewer: 'offline' as const,
    startedAt: 0,
    now: 45 * 60_000,
  };
}
