import { loadRubrics } from '@mlsd/rubric';
import { scoreTranscript } from './src/transcript-file.ts';

const [caseId, step, ...lines] = process.argv.slice(2);
const loaded = loadRubrics('/work/main/rubrics');
if (!loaded.ok) throw new Error('rubrics');
const turns: any[] = [{ role: 'interviewer', step, text: 'Walk me through it.', t: 0, kind: 'opening' }];
lines.forEach((text, i) => turns.push({ role: 'candidate', step, text, t: 10 + i * 60 }));
const r = scoreTranscript({ caseId, turns, durationMinutes: 45 } as any, loaded.value);
if (!r.ok) {
  console.log(r.error);
  process.exit(1);
}
const s = r.value.steps.find((x: any) => x.id === step)!;
console.log('step score', s.score);
for (const p of s.covered)
  console.log(
    ' ',
    p.level,
    p.credit,
    p.pointId,
    '|',
    p.nearMiss?.why ?? '',
    '|',
    p.evidence?.quote?.slice(0, 80),
  );
