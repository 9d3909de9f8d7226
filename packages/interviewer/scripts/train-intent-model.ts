/**
 * Trains the learned intent reader on the labelled sets and writes generated/intent-model.json.
 * Run after a labelled set changes: `npx tsx scripts/train-intent-model.ts` (from packages/interviewer).
 * learned.test.ts fails while the stored model does not match the sets.
 */
import { writeFileSync } from 'node:fs';
import { trainIntentModel } from '../src/reading/learned/train.ts';
import { FACT_QUESTION_SETS, TRAINING_SETS, trainingMessages } from '../src/reading/learned/training-sets.ts';

const started = Date.now();
const model = trainIntentModel(trainingMessages(), [
  ...TRAINING_SETS.map((name) => `intents.${name}`),
  ...FACT_QUESTION_SETS.map((name) => `fact-questions.${name} (plain)`),
]);
const target = new URL('../generated/intent-model.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(model)}\n`);
console.log(
  `intent model: ${model.trainedOn.messages} messages from ${model.trainedOn.sets.length} sets, ${Object.keys(model.weights).length} features, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
