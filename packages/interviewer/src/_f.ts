import { loadRubrics } from '@mlsd/rubric';
import { factIndexFor } from './facts.ts';
const loaded = loadRubrics('/work/main/rubrics/'); if (!loaded.ok) throw new Error('x');
const c = loaded.value.cases.get(process.argv[2]!)!;
for (const q of process.argv.slice(3)) console.log(q, '=>', JSON.stringify(factIndexFor(c).lookup(q).parts.map((p) => `${p.status}:${p.fact?.id ?? p.options?.map((f) => f.id).join('|') ?? ''}`)));
