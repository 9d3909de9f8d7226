import { readIntent, readIntentByRules } from '../src/reading/intent.ts';

for (const text of process.argv.slice(2)) {
  console.log(
    JSON.stringify(text),
    '-> rules',
    readIntentByRules(text).intent,
    '| full',
    readIntent(text).intent,
  );
}
