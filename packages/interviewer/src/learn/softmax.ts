import { mulberry32 } from '../rng.ts';

/**
 * Multinomial logistic regression over sparse string features, trained by stochastic gradient
 * descent on the log loss in a seeded order: the same examples give the same weights. Small and
 * dependency-free; used by the learned intent reader and by the fact classifier.
 */

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  /** Weight decay per update: keeps rare words from deciding alone. */
  decay: number;
  seed: number;
}

export interface SoftmaxExample {
  features: readonly string[];
  /** Index of the right label. */
  label: number;
}

/** Trained weights: per feature, one weight per label. */
export type SoftmaxWeights = Map<string, Float64Array>;

export function trainSoftmax(
  examples: readonly SoftmaxExample[],
  labelCount: number,
  options: SoftmaxOptions,
): SoftmaxWeights {
  const weights: SoftmaxWeights = new Map();
  const rows = examples.map(({ features }) =>
    features.map((feature) => {
      let row = weights.get(feature);
      if (!row) {
        row = new Float64Array(labelCount);
        weights.set(feature, row);
      }
      return row;
    }),
  );
  const random = mulberry32(options.seed);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const row = rows[i] ?? [];
      const gradient = softmax(scoresOf(row, labelCount));
      const label = examples[i]?.label ?? 0;
      gradient[label] = (gradient[label] ?? 0) - 1;
      for (const w of row) {
        for (let k = 0; k < labelCount; k++) {
          w[k] = (w[k] ?? 0) - options.learningRate * ((gradient[k] ?? 0) + options.decay * (w[k] ?? 0));
        }
      }
    }
  }
  return weights;
}

/** The probability of each label for a set of features (features never trained on weigh nothing). */
export function predictSoftmax(
  weights: SoftmaxWeights,
  features: readonly string[],
  labelCount: number,
): number[] {
  const rows = features.flatMap((feature) => weights.get(feature) ?? []);
  return softmax(scoresOf(rows, labelCount));
}

function scoresOf(rows: readonly Float64Array[], labelCount: number): number[] {
  const scores = new Array<number>(labelCount).fill(0);
  for (const w of rows) for (let k = 0; k < labelCount; k++) scores[k] = (scores[k] ?? 0) + (w[k] ?? 0);
  return scores;
}

export function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
}
