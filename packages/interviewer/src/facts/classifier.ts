import type { Fact } from '@mlsd/rubric';
import { predictSoftmax, type SoftmaxOptions, trainSoftmax } from '../learn/softmax.ts';
import type { FactExamples } from './training.ts';

/**
 * A second reading of which fact a question asks for: a logistic regression per case, trained at
 * first use (tens of milliseconds) on the case's own example questions (`asks`) and cues, and on the
 * labelled questions of the development sets (training.ts). The ranker (rank.ts) decides whether
 * the case answers a question at all; where it finds a fact or two, this picks which. On questions
 * written by hands that never saw the case files it picks the right fact more often than the
 * ranker's weighted overlap (see README "Fact classifier").
 *
 * Questions the case leaves open train one more label, "none": a question like them lends its
 * weight there, so the classifier is less sure of any fact and rescues or overrules less.
 */
export interface FactClassifier {
  /** The fact most likely asked for, with its probability; undefined for a question with no known word. */
  classify(
    question: string,
  ): { fact: Fact; probability: number; runnerUp?: Fact; unanswerable: number } | undefined;
}

const TRAINING: SoftmaxOptions = { epochs: 20, learningRate: 0.3, decay: 1e-3, seed: 1 };

/** Words that carry how a question asks, never what: left out so the subject decides. */
const STOP = new Set(
  'the a an of to and or in on for is are do does we our what how many much it this that be by with at as from any there have has can could would will you your i me about per'.split(
    ' ',
  ),
);

/** The words (stop words aside), their first five letters (a crude stem), and pairs of words in order. */
export function questionFeatures(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
  const features = new Set<string>();
  for (const word of words) {
    if (STOP.has(word)) continue;
    features.add(`w:${word}`);
    features.add(`p:${word.slice(0, 5)}`);
  }
  for (let i = 1; i < words.length; i++) features.add(`b:${words[i - 1]}_${words[i]}`);
  return [...features];
}

export function createFactClassifier(facts: readonly Fact[], labelled?: FactExamples): FactClassifier {
  const none = facts.length;
  const examples = [
    ...facts.flatMap((fact, label) =>
      [...fact.asks, ...fact.cues, ...(labelled?.byFact.get(fact.id) ?? [])].map((text) => ({
        features: questionFeatures(text),
        label,
      })),
    ),
    ...(labelled?.unanswerable ?? []).map((text) => ({ features: questionFeatures(text), label: none })),
  ];
  const weights = trainSoftmax(examples, facts.length + 1, TRAINING);
  return {
    classify(question) {
      const features = questionFeatures(question).filter((feature) => weights.has(feature));
      if (features.length === 0 || facts.length === 0) return undefined;
      const probabilities = predictSoftmax(weights, features, facts.length + 1);
      // "None" is a reading, not an answer: it only takes its share from the facts.
      const unanswerable = probabilities[none] ?? 0;
      probabilities[none] = 0;
      const order = probabilities
        .map((_, i) => i)
        .sort((a, b) => (probabilities[b] ?? 0) - (probabilities[a] ?? 0));
      const [best = 0, second] = order;
      const fact = facts[best];
      const runnerUp = second === undefined ? undefined : facts[second];
      return fact
        ? { fact, probability: probabilities[best] ?? 0, unanswerable, ...(runnerUp ? { runnerUp } : {}) }
        : undefined;
    },
  };
}
