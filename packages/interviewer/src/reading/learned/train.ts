import { createHash } from 'node:crypto';
import { CandidateIntent } from '@mlsd/protocol';
import { type SoftmaxOptions, type SoftmaxWeights, trainSoftmax } from '../../learn/softmax.ts';
import { messageFeatures } from './features.ts';
import type { IntentModel } from './model.ts';

export interface LabelledText {
  text: string;
  intent: CandidateIntent;
}

/** Chosen on messages the rules never saw (see README "Learned intent reader"), not searched further. */
export const TRAINING: SoftmaxOptions = { epochs: 30, learningRate: 0.5, decay: 1e-4, seed: 1 };

/**
 * The model is the average of the weights trained in these seeded orders. One order alone read the
 * sets that choose settings 1,193 to 1,199 of 1,266 right, and the later unseen sets 2,161 to 2,173
 * of 2,373, depending on the seed; the average of three, 1,199 and 2,175: less luck of the order, a
 * little more right (sixteenth session).
 */
export const TRAINING_SEEDS: readonly number[] = [1, 2, 3];

/** Weights below this are dropped from the stored model: together they move no reading on the sets. */
const PRUNE_BELOW = 0.05;

/** Trains the model on labelled messages (deterministic: the same messages give the same model). */
export function trainIntentModel(
  examples: readonly LabelledText[],
  sets: readonly string[],
  options: SoftmaxOptions = TRAINING,
  seeds: readonly number[] = TRAINING_SEEDS,
): IntentModel {
  const labels = [...CandidateIntent.options];
  const featured = examples.map(({ text, intent }) => ({
    features: messageFeatures(text),
    label: labels.indexOf(intent),
  }));
  const weights = averaged(seeds.map((seed) => trainSoftmax(featured, labels.length, { ...options, seed })));
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

/** Each feature's weights averaged over the models (a feature a model lacks weighs 0 there). */
function averaged(models: readonly SoftmaxWeights[]): SoftmaxWeights {
  const sum: SoftmaxWeights = new Map();
  for (const model of models) {
    for (const [feature, values] of model) {
      const total = sum.get(feature) ?? new Float64Array(values.length);
      for (let label = 0; label < values.length; label++)
        total[label]! += (values[label] ?? 0) / models.length;
      sum.set(feature, total);
    }
  }
  return sum;
}

/** A hash of the training messages and labels, in order. */
export function trainingHash(examples: readonly LabelledText[]): string {
  const hash = createHash('sha256');
  for (const { text, intent } of examples) hash.update(`${intent}\t${text}\n`);
  return hash.digest('hex').slice(0, 16);
}
