import { createHash } from 'node:crypto';
import { CandidateIntent } from '@mlsd/protocol';
import { mulberry32 } from '../../rng.ts';
import { messageFeatures } from './features.ts';
import { type IntentModel, softmax } from './model.ts';

export interface LabelledText {
  text: string;
  intent: CandidateIntent;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** Weight decay per update: keeps rare words from deciding alone. */
  decay: number;
  seed: number;
}

/** Chosen on messages the rules never saw (see README "Learned"), not searched further. */
export const TRAINING: TrainingOptions = { epochs: 30, learningRate: 0.5, decay: 1e-4, seed: 1 };

/** Weights below this are dropped from the stored model: together they move no reading on the sets. */
const PRUNE_BELOW = 0.05;

/** Trains the model by stochastic gradient descent on the log loss, in a seeded order (deterministic). */
export function trainIntentModel(
  examples: readonly LabelledText[],
  sets: readonly string[],
  options: TrainingOptions = TRAINING,
): IntentModel {
  const labels = [...CandidateIntent.options];
  const index = new Map<string, number>();
  const rows = examples.map(({ text }) =>
    messageFeatures(text).map((feature) => {
      let at = index.get(feature);
      if (at === undefined) {
        at = index.size;
        index.set(feature, at);
      }
      return at;
    }),
  );
  const targets = examples.map(({ intent }) => labels.indexOf(intent));
  const weights = Array.from({ length: index.size }, () => new Float64Array(labels.length));
  const random = mulberry32(options.seed);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const row = rows[i] ?? [];
      const scores = new Array<number>(labels.length).fill(0);
      for (const feature of row) {
        const w = weights[feature] as Float64Array;
        for (let label = 0; label < labels.length; label++)
          scores[label] = (scores[label] ?? 0) + (w[label] ?? 0);
      }
      const gradient = softmax(scores);
      gradient[targets[i] ?? 0] = (gradient[targets[i] ?? 0] ?? 0) - 1;
      for (const feature of row) {
        const w = weights[feature] as Float64Array;
        for (let label = 0; label < labels.length; label++) {
          w[label] =
            (w[label] ?? 0) -
            options.learningRate * ((gradient[label] ?? 0) + options.decay * (w[label] ?? 0));
        }
      }
    }
  }
  const stored: Record<string, number[]> = {};
  for (const [feature, at] of [...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const pairs = [...(weights[at] as Float64Array)].flatMap((value, label) =>
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

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
}
