import { readIntent } from '../src/reading/intent.ts';

for (const text of process.argv.slice(2)) {
  const r = readIntent(text);
  console.log(JSON.stringify(text), '->', r.intent, r.questions?.length ?? '');
}
