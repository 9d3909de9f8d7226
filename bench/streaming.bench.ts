import { fixed, loadNote } from '../apps/server/test/bench/stats.ts';
import {
  measureStreaming,
  type StreamingFigures,
  type Target,
} from '../apps/server/test/bench/streaming-load.ts';

/**
 * Streaming a model reply to many browsers at once. The model is the test kit's OpenAI-compatible
 * server (real HTTP and SSE): 400 ms to the first token, then a 4-character chunk every 20 ms, 50
 * chunks. Three paths, each in its own process, all sessions asking at the same moment:
 * - server: the real app. A candidate answer is committed and acknowledged, the engine lists the
 *   moves it allows, and one model request both chooses among them (a `[[move: A]]` header the
 *   browser never sees) and writes the reply, streamed through the leak guard (which holds back
 *   only words that could still start a rubric phrase) as `turn_delta` frames, coalesced per
 *   socket per 16 ms tick. The header's own writing time is shown apart.
 * - relay: only the transport: Fastify + @fastify/websocket as configured in the app, the
 *   project's LLM client (openai SDK), each delta sent on as it arrives.
 * - bare: a plain ws server producing the same token stream from its own timers (the baseline).
 * Goals: added first-token latency <= 5% of the model's at p99 with 50 sessions; p99 token lag
 * <= 50 ms at 200 sessions per core (each path is one Node process: one core).
 */
const OPTIONS = { firstTokenMs: 400, chunkMs: 20, chunks: 50 };
const LOADS = [
  { sessions: 50, rounds: 4 },
  { sessions: 200, rounds: 2 },
  { sessions: 500, rounds: 1 },
];
/** All at once (the worst case), then spread uniformly over a second (sessions that overlap, as in use). */
const RUNS: { target: Target; spreadMs: number; readWorkers?: string }[] = [
  { target: 'bare', spreadMs: 0 },
  { target: 'relay', spreadMs: 0 },
  { target: 'server', spreadMs: 0 },
  { target: 'relay', spreadMs: 1_000 },
  { target: 'server', spreadMs: 1_000 },
  // As `pnpm start` runs it: from 50 live sessions the answers are read by a worker thread.
  { target: 'server', spreadMs: 1_000, readWorkers: 'auto' },
];

function row(
  figures: StreamingFigures,
  spreadMs: number,
  readWorkers: string | undefined,
  baseline: StreamingFigures | undefined,
): string {
  const share = (figures.addedFirstTokenP99 / figures.modelFirstTokenMs) * 100;
  const ratio = baseline && baseline !== figures ? `${fixed(figures.lagP99 / baseline.lagP99, 1)}x` : '-';
  const failures = Object.entries(figures.failures)
    .map(([why, count]) => `${count} ${why}`)
    .join(', ');
  return (
    `| ${figures.target}${readWorkers ? `, reading worker (${readWorkers})` : ''}${spreadMs > 0 ? `, spread over ${spreadMs / 1000} s` : ', all at once'} | ${figures.sessions} | ${figures.streams} | ${fixed(figures.modelFirstTokenMs, 0)} | ` +
    `${fixed(figures.addedFirstTokenP50)} / ${fixed(figures.addedFirstTokenP99)} | ${fixed(share)}% | ` +
    `${fixed(figures.ownWorkP50)} / ${fixed(figures.ownWorkP99)} | ${fixed(figures.transitP50)} / ${fixed(figures.transitP99)} | ` +
    `${fixed(figures.afterModelP50)} / ${fixed(figures.afterModelP99)} | ${fixed(figures.headerP50)} / ${fixed(figures.headerP99)} | ` +
    `${fixed(figures.lagP50)} / ${fixed(figures.lagP99)} / ${fixed(figures.lagMax)} | ${ratio} | ${failures || 0} |`
  );
}

export async function run(): Promise<StreamingFigures[]> {
  console.log(
    `model: first token after ${OPTIONS.firstTokenMs} ms, then ${OPTIONS.chunks} chunks of 4 characters every ${OPTIONS.chunkMs} ms; all sessions ask at once; one warm-up round not counted\n`,
  );
  console.log(
    '| path | sessions | streams | model first token ms | added first token p50 / p99 ms | added p99 / model | own work before the request p50 / p99 ms | request transit + model queue p50 / p99 ms | model first token to browser p50 / p99 ms | of which the move header p50 / p99 ms | token lag p50 / p99 / max ms | lag p99 vs bare | failed |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  console.log(`(${loadNote()} at the start)\n`);
  const all: StreamingFigures[] = [];
  for (const { sessions, rounds } of LOADS) {
    let bare: StreamingFigures | undefined;
    for (const { target, spreadMs, readWorkers } of RUNS) {
      const options = { ...OPTIONS, spreadMs, ...(readWorkers ? { readWorkers } : {}) };
      const figures = await measureStreaming(target, sessions, rounds, options);
      if (target === 'bare') bare = figures;
      console.log(`${row(figures, spreadMs, readWorkers, bare)} <!-- ${loadNote()} -->`);
      all.push(figures);
    }
  }
  return all;
}
