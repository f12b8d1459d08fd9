import * as tf from '@tensorflow/tfjs-core';

// With 65,536 prototypes, autograd through the weight-normalised prototype layer and the iBOT cross-entropy kept
// about ten [d, K] and [M, K] tensors until the backward pass (wasm copies every saved tensor): most of a ViT-S
// step's memory at batch 8. These ops save only the bottleneck features and the column norms, and recompute the
// scores in the backward pass. `v` (a weight) and the targets (teacher outputs) must outlive the backward pass.

const transpose2d = (x: tf.Tensor) => tf.transpose(x as tf.Tensor2D, [1, 0]) as tf.Tensor2D;

/** Column norms of v, clamped at 1e-12, and where they are not clamped (tf.maximum passes no gradient there). */
function columnNorms(v: tf.Tensor2D): [tf.Tensor, tf.Tensor] {
  const norm = tf.maximum(tf.sqrt(tf.sum(tf.square(v), 0, true)), 1e-12);
  return [norm, tf.cast(tf.greater(norm, 1e-12), 'float32')];
}

const scoresOf = (z: tf.Tensor, v: tf.Tensor2D, norm: tf.Tensor) =>
  tf.div(tf.matMul(z as tf.Tensor2D, v), norm);

/** Gradients for z and v of s = (z v) / ||v|| given ds (s recomputed or passed). */
function scoreGradients(
  ds: tf.Tensor,
  s: tf.Tensor,
  z: tf.Tensor,
  v: tf.Tensor2D,
  norm: tf.Tensor,
  active: tf.Tensor,
) {
  const g = tf.div(ds, norm) as tf.Tensor2D;
  // d/dv of 1/||v||: -v / ||v||^2 times the column sums of ds * s.
  const along = tf.mul(tf.sum(tf.mul(ds, s), 0, true), active);
  return [
    tf.matMul(g, transpose2d(v)),
    tf.sub(tf.matMul(transpose2d(z), g), tf.mul(v, tf.div(along, tf.square(norm)))),
  ];
}

/**
 * Scores of bottleneck features z [M, d] against weight-normalised prototypes (each column of v [d, K] divided by
 * its L2 norm; g = 1): (z v) / ||v||, equal to z (v / ||v||) without the normalised [d, K] copy.
 */
export const prototypeScores = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [z, v, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  const [norm, active] = columnNorms(v);
  save([z, norm, active]);
  return {
    value: scoresOf(z, v, norm),
    // In a tidy: tfjs runs custom gradients outside one, so the [d, K] intermediates would live until the end.
    gradFunc: (dy: tf.Tensor, [features, columnNorm, unclamped]: tf.Tensor[]) =>
      tf.tidy(() =>
        scoreGradients(dy, scoresOf(features, v, columnNorm), features, v, columnNorm, unclamped),
      ),
  };
}) as (z: tf.Tensor2D, v: tf.Tensor2D) => tf.Tensor2D;

/** Rows of an [M, K] tensor per chunk so that a chunk holds at most `elements` values (32 MB by default). */
const chunkRows = (k: number, elements: number) => Math.max(1, Math.floor(elements / k));

/** Runs `f(start, size)` over row chunks of `rows`, each in its own tidy. */
function overChunks<T extends tf.TensorContainer>(
  rows: number,
  size: number,
  f: (start: number, size: number) => T,
): T[] {
  const out: T[] = [];
  for (let start = 0; start < rows; start += size)
    out.push(tf.tidy(() => f(start, Math.min(size, rows - start))));
  return out;
}

/**
 * Row-wise cross-entropy [M] of the prototype scores against constant targets t [M, K] (teacher probabilities):
 * -sum_k t_k log_softmax(prototypeScores(z, v) / tau)_k. No [M, K] tensor is kept for the backward pass, and both
 * passes run over row chunks of at most `chunkElements` scores, so their transients stay small whatever M is
 * (ViT-S at batch 8 masks ~1,000 patches: 250 MB per [M, 65536] tensor). Score gradient: (p sum_k t_k - t) / tau.
 */
export function prototypeCrossEntropy(
  z: tf.Tensor2D,
  v: tf.Tensor2D,
  targets: tf.Tensor2D,
  temperature: number,
  chunkElements = 2 ** 23,
): tf.Tensor1D {
  const rows = z.shape[0];
  const size = chunkRows(v.shape[1], chunkElements);
  const fn = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [features, weight, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    const [norm, active] = columnNorms(weight);
    save([features, norm, active]);
    const parts = overChunks(rows, size, (start, n) => {
      const s = scoresOf(tf.slice(features, [start, 0], [n, -1]), weight, norm);
      const logProbs = tf.logSoftmax(tf.div(s, temperature));
      return tf.neg(tf.sum(tf.mul(tf.slice(targets, [start, 0], [n, -1]), logProbs), 1));
    });
    return {
      value: parts.length === 1 ? parts[0] : tf.concat(parts),
      gradFunc: (dy: tf.Tensor, [input, columnNorm, unclamped]: tf.Tensor[]) => {
        // dv is summed chunk by chunk: holding every chunk's [d, K] part for one addN would cost more than it saves.
        const dzParts: tf.Tensor[] = [];
        let dv: tf.Tensor | null = null;
        for (let start = 0; start < rows; start += size) {
          const n = Math.min(size, rows - start);
          const previous: tf.Tensor | null = dv;
          const [dzPart, dvSum] = tf.tidy((): tf.Tensor[] => {
            const zc = tf.slice(input, [start, 0], [n, -1]);
            const tc = tf.slice(targets, [start, 0], [n, -1]);
            const s = scoresOf(zc, weight, columnNorm);
            const probs = tf.softmax(tf.div(s, temperature));
            const perRow = tf.div(tf.reshape(tf.slice(dy, [start], [n]), [-1, 1]), temperature);
            const ds = tf.mul(perRow, tf.sub(tf.mul(probs, tf.sum(tc, 1, true)), tc));
            const [dzc, dvc] = scoreGradients(ds, s, zc, weight, columnNorm, unclamped);
            return [dzc, previous ? tf.add(previous, dvc) : dvc];
          });
          previous?.dispose();
          dzParts.push(dzPart);
          dv = dvSum;
        }
        return [dzParts.length === 1 ? dzParts[0] : tf.concat(dzParts), dv!];
      },
    };
  });
  return fn(z, v) as tf.Tensor1D;
}
