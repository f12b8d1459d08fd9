import { type DomainClassifierOptions, domainClassifierAuroc } from './domain-classifier.js';
import type { Matrix } from './kernel-matrix.js';
import { type MmdOptions, type MmdResult, mmdPermutationTest } from './mmd.js';

export interface MeanShift {
  /** Euclidean distance between the window means. */
  euclidean: number;
  /** 1 - cosine similarity of the window means. */
  cosine: number;
  /** Euclidean shift divided by the reference's root-mean-square distance to its own mean. */
  relative: number;
}

export function meanShift(reference: Matrix, current: Matrix, dims: number): MeanShift {
  const meanOf = (rows: Matrix) => {
    const mean = new Float64Array(dims);
    const count = rows.length / dims;
    for (let i = 0; i < rows.length; i++) mean[i % dims] += rows[i] / count;
    return mean;
  };
  const a = meanOf(reference);
  const b = meanOf(current);
  let distance = 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < dims; d++) {
    distance += (a[d] - b[d]) ** 2;
    dot += a[d] * b[d];
    na += a[d] ** 2;
    nb += b[d] ** 2;
  }
  let spread = 0;
  for (let i = 0; i < reference.length; i++) spread += (reference[i] - a[i % dims]) ** 2;
  const rms = Math.sqrt(spread / (reference.length / dims));
  return {
    euclidean: Math.sqrt(distance),
    cosine: na > 0 && nb > 0 ? 1 - dot / Math.sqrt(na * nb) : Number.NaN,
    relative: rms > 0 ? Math.sqrt(distance) / rms : Number.NaN,
  };
}

export interface EmbeddingDrift {
  mmd: MmdResult;
  domainClassifier: { auroc: number; foldAurocs: number[]; drift: boolean };
  meanShift: MeanShift;
}

/** All three embedding-drift views; the classifier flags drift above AUROC 0.55 (Evidently's default). */
export function embeddingDrift(
  reference: Matrix,
  current: Matrix,
  dims: number,
  options: { mmd?: MmdOptions; classifier?: DomainClassifierOptions; classifierThreshold?: number } = {},
): EmbeddingDrift {
  const classifier = domainClassifierAuroc(reference, current, dims, options.classifier);
  return {
    mmd: mmdPermutationTest(reference, current, dims, options.mmd),
    domainClassifier: { ...classifier, drift: classifier.auroc > (options.classifierThreshold ?? 0.55) },
    meanShift: meanShift(reference, current, dims),
  };
}
