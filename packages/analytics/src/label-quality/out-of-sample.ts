import { createRng, shuffleInPlace } from '../stats/random.js';
import { fitSoftmax, predictSoftmax, type SoftmaxOptions } from './softmax-regression.js';

export interface OutOfSample {
  /** [n, classes] probabilities, each row from a model that never saw that row's label. */
  probabilities: Float64Array;
  /** Mean -log p(given label): lower is better; compares feature sets on the same labels. */
  logLoss: number;
  /** Balanced accuracy of argmax against the given labels. */
  balancedAccuracy: number;
}

/** Stratified folds: each class is dealt round-robin over the folds in a seeded order. */
export function stratifiedFolds(labels: ArrayLike<number>, folds: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const fold = new Int32Array(labels.length);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const rows = byClass.get(labels[i]);
    if (rows) rows.push(i);
    else byClass.set(labels[i], [i]);
  }
  let next = 0;
  for (const key of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = shuffleInPlace(Int32Array.from(byClass.get(key)!), rng);
    for (const row of rows) fold[row] = next++ % folds;
  }
  return fold;
}

/** Cross-validated (out-of-sample) class probabilities from softmax regression on the given features. */
export function crossValidatedProbabilities(
  features: ArrayLike<number>,
  labels: ArrayLike<number>,
  dims: number,
  classes: number,
  options: { folds?: number; seed?: number } & SoftmaxOptions = {},
): OutOfSample {
  const n = labels.length;
  const folds = options.folds ?? 5;
  const fold = stratifiedFolds(labels, folds, options.seed ?? 0);
  const probabilities = new Float64Array(n * classes);
  for (let f = 0; f < folds; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i++) (fold[i] === f ? test : train).push(i);
    if (test.length === 0 || train.length === 0) continue;
    const pick = (rows: number[]) => {
      const out = new Float64Array(rows.length * dims);
      rows.forEach((row, r) => {
        for (let d = 0; d < dims; d++) out[r * dims + d] = features[row * dims + d];
      });
      return out;
    };
    const model = fitSoftmax(
      pick(train),
      train.map((i) => labels[i]),
      dims,
      classes,
      options,
    );
    const predicted = predictSoftmax(model, pick(test));
    test.forEach((row, r) => {
      probabilities.set(predicted.subarray(r * classes, (r + 1) * classes), row * classes);
    });
  }
  return { probabilities, ...scoreProbabilities(probabilities, labels, classes) };
}

export function scoreProbabilities(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): { logLoss: number; balancedAccuracy: number } {
  let loss = 0;
  const hits = new Float64Array(classes);
  const counts = new Float64Array(classes);
  for (let i = 0; i < labels.length; i++) {
    loss -= Math.log(Math.max(1e-12, probabilities[i * classes + labels[i]]));
    let best = 0;
    for (let c = 1; c < classes; c++)
      if (probabilities[i * classes + c] > probabilities[i * classes + best]) best = c;
    counts[labels[i]]++;
    if (best === labels[i]) hits[labels[i]]++;
  }
  const recalls = [...counts.keys()].filter((c) => counts[c] > 0).map((c) => hits[c] / counts[c]);
  return {
    logLoss: loss / labels.length,
    balancedAccuracy: recalls.reduce((a, v) => a + v, 0) / recalls.length,
  };
}
