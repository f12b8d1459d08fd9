import { binaryAuroc } from '../metrics/ranking.js';
import { createRng, shuffleInPlace } from '../stats/random.js';
import type { Matrix } from './kernel-matrix.js';

export interface DomainClassifierOptions {
  folds?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

export interface DomainClassifierResult {
  /** Out-of-fold AUROC of telling current (1) from reference (0); 0.5 = indistinguishable. */
  auroc: number;
  foldAurocs: number[];
}

/**
 * Trains an L2-regularised logistic regression (full-batch gradient descent on standardised
 * features) to tell the windows apart, scoring each case only by a model that did not see it.
 */
export function domainClassifierAuroc(
  reference: Matrix,
  current: Matrix,
  dims: number,
  options: DomainClassifierOptions = {},
): DomainClassifierResult {
  const { folds = 5, epochs = 100, learningRate = 0.5, l2 = 1e-3, seed = 0 } = options;
  const m = reference.length / dims;
  const n = m + current.length / dims;
  const x = new Float64Array(n * dims);
  x.set(reference, 0);
  x.set(current, reference.length);
  const y = Uint8Array.from({ length: n }, (_, i) => (i < m ? 0 : 1));
  // Stratified fold assignment.
  const fold = new Int32Array(n);
  const rng = createRng(seed);
  for (const [start, end] of [
    [0, m],
    [m, n],
  ]) {
    const idx = shuffleInPlace(
      Int32Array.from({ length: end - start }, (_, i) => start + i),
      rng,
    );
    idx.forEach((i, r) => {
      fold[i] = r % folds;
    });
  }
  const scores = new Float64Array(n);
  const foldAurocs: number[] = [];
  for (let f = 0; f < folds; f++) {
    const train = Int32Array.from({ length: n }, (_, i) => i).filter((i) => fold[i] !== f);
    const test = Int32Array.from({ length: n }, (_, i) => i).filter((i) => fold[i] === f);
    const mean = new Float64Array(dims);
    const scale = new Float64Array(dims);
    for (const i of train) for (let d = 0; d < dims; d++) mean[d] += x[i * dims + d] / train.length;
    for (const i of train)
      for (let d = 0; d < dims; d++) scale[d] += (x[i * dims + d] - mean[d]) ** 2 / train.length;
    for (let d = 0; d < dims; d++) scale[d] = scale[d] > 0 ? 1 / Math.sqrt(scale[d]) : 0;
    const weights = new Float64Array(dims);
    let bias = 0;
    const gradient = new Float64Array(dims);
    const z = (i: number) => {
      let s = bias;
      for (let d = 0; d < dims; d++) s += weights[d] * (x[i * dims + d] - mean[d]) * scale[d];
      return s;
    };
    for (let epoch = 0; epoch < epochs; epoch++) {
      gradient.fill(0);
      let biasGradient = 0;
      for (const i of train) {
        const error = 1 / (1 + Math.exp(-z(i))) - y[i];
        biasGradient += error;
        for (let d = 0; d < dims; d++) gradient[d] += error * (x[i * dims + d] - mean[d]) * scale[d];
      }
      for (let d = 0; d < dims; d++)
        weights[d] -= learningRate * (gradient[d] / train.length + l2 * weights[d]);
      bias -= (learningRate * biasGradient) / train.length;
    }
    for (const i of test) scores[i] = z(i);
    foldAurocs.push(
      binaryAuroc({ scores: Array.from(test, (i) => scores[i]), labels: Array.from(test, (i) => y[i]) }),
    );
  }
  return { auroc: binaryAuroc({ scores, labels: y }), foldAurocs };
}
