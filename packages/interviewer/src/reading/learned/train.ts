import { createHash } from 'node:crypto';
import { CandidateIntent } from '@mlsd/protocol';
import { type SoftmaxOptions, trainSoftmax } from '../../learn/softmax.ts';
import { messageFeatures } from './features.ts';
import type { IntentModel } from './model.ts';

export interface LabelledText {
  text: string;
  intent: CandidateIntent;
}

/** Chosen on messages the rules never saw (see README "Learned intent reader"), not searched further. */
export const TRAINING: SoftmaxOptions = { epochs: 30, learningRate: 0.5, decay: 1e-4, seed: 1 };

/** Weights below this are dropped from the stored model: together they move no reading on the sets. */
const PRUNE_BELOW = 0.05;

/** Trains the model on labelled messages (deterministic: the same messages give the same model). */
export function trainIntentModel(
  examples: readonly LabelledText[],
  sets: readonly string[],
  options: SoftmaxOptions = TRAINING,
): IntentModel {
  const labels = [...CandidateIntent.options];
  const weights = trainSoftmax(
    examples.map(({ text, intent }) => ({ features: messageFeatures(text), label: labels.indexOf(intent) })),
    labels.length,
    options,
  );
  const stored: Record<string, number[]> = {};
  for (const feature of [...weights.keys()].sort()) {
    const pairs = [...(weights.get(feature) ?? [])].flatMap((value, label) =>
      Math.abs(value) < PRUNE_BELOW ? [] : [label, Math.round(value * 100) / 100],
    );
    if (pairs.length > 0) stored[feature] = pairs;
  }
  return {
    labels,
    weights: stored,
    trainedOn: { sets: [...sets], messages: examples.length, hash: trainingHash(examples) },
  };
}

/** A hash of the training messages and labels, in order. */
export function trainingHash(examples: readonly LabelledText[]): string {
  const hash = createHash('sha256');
  for (const { text, intent } of examples) hash.update(`${intent}\t${text}\n`);
  return hash.digest('hex').slice(0, 16);
}
