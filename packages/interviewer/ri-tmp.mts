import { readIntent, readIntentByRules } from './src/reading/intent.ts';

const args = process.argv.slice(2);
for (const arg of args) {
  const [line, text] = arg.includes(' /// ') ? arg.split(' /// ') : [undefined, arg];
  const r = readIntent(text!, line ? { inReplyTo: line } : {});
  const rules = readIntentByRules(text!);
  console.log(
    `${JSON.stringify(text)}${line ? ` after ${JSON.stringify(line)}` : ''}\n  => ${r.intent} (${r.reason}) rules=${rules.intent} (${rules.reason}) q=${JSON.stringify(r.questions)}`,
  );
}
