import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixed, loadNote, percentile } from '../apps/server/test/bench/stats.ts';
import { readMessage } from '../packages/interviewer/src/index.ts';
import type { StepId, Turn } from '../packages/protocol/src/index.ts';
import { loadRubrics } from '../packages/rubric/src/index.ts';
import { AnalysisCache } from '../packages/scoring/src/index.ts';

/**
 * Reading one new answer while many long interviews are live (issue 16: the shared text-analysis
 * cache thrashed past about 34 full-length sessions). Each of N sessions holds a full interview
 * (the calibration strong transcript, 60-odd turns, its words varied per session so no two
 * sessions share a text); every session then reads one new answer against its whole transcript,
 * round-robin, as the server does after each message. Compared: one cache shared by every session
 * (the old server) and one per session (a live room's own). CPU only, in this process.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function run() {
  const loaded = loadRubrics(join(ROOT, 'rubrics'));
  if (!loaded.ok) throw new Error('rubrics do not load');
  const framework = loaded.value.framework;
  const caseStudy = loaded.value.cases.get('ad-click-prediction');
  if (!caseStudy) throw new Error('no ad-click case');
  const file = JSON.parse(
    readFileSync(join(ROOT, 'calibration/ad-click-prediction/strong.json'), 'utf8'),
  ) as {
    turns: { role: 'interviewer' | 'candidate'; step: StepId; text: string }[];
  };
  const transcriptOf = (session: number): Turn[] =>
    file.turns.map((turn, index) => ({
      id: String(index),
      role: turn.role,
      step: turn.step,
      kind: turn.role === 'interviewer' ? 'probe' : 'answer',
      // A per-session word keeps the texts apart, as real sessions' texts are.
      text: `${turn.text} (session ${session})`,
      at: index * 1000,
    }));
  console.log(`(${loadNote()} at the start)\n`);
  console.log('| sessions | cache | answer p50 ms | answer p99 ms | mean ms |');
  console.log('|---|---|---|---|---|');
  for (const sessions of [25, 40, 80, 150]) {
    const transcripts = Array.from({ length: sessions }, (_, i) => transcriptOf(i));
    for (const mode of ['shared', 'per session'] as const) {
      const shared = new AnalysisCache();
      const own = transcripts.map(() => new AnalysisCache(4096));
      const times: number[] = [];
      // Two rounds: the first fills the caches, the second is what a live server sees.
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < sessions; i++) {
          const transcript = transcripts[i]!;
          const cache = mode === 'shared' ? shared : own[i]!;
          const started = performance.now();
          readMessage({
            caseStudy,
            framework,
            step: 'serving',
            text: `I would cache the user features for a minute, round ${round} of session ${i}.`,
            transcript,
            notes: '',
            cache,
          });
          if (round === 1) times.push(performance.now() - started);
        }
      }
      const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
      console.log(
        `| ${sessions} | ${mode} | ${fixed(percentile(times, 50), 2)} | ${fixed(percentile(times, 99), 2)} | ${fixed(mean, 2)} |`,
      );
    }
  }
}
