import * as tf from '@tensorflow/tfjs-core';
import { accuracy, trainLinearProbe, type WeightMap } from '@dermino/model';

export interface LinearFit {
  /** Weights on the raw CLS embedding (standardisation folded in): head.weight [D, C], head.bias [C]. */
  weights: WeightMap;
  weightDecay: number;
  valAccuracy: number | null;
}

const WEIGHT_DECAYS = [1e-4, 1e-2, 1e-1];

function standardiser(features: Float32Array, dims: number) {
  const n = features.length / dims;
  const mean = new Float32Array(dims);
  const std = new Float32Array(dims);
  for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) mean[d] += features[i * dims + d] / n;
  for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) std[d] += (features[i * dims + d] - mean[d]) ** 2 / n;
  for (let d = 0; d < dims; d++) std[d] = Math.sqrt(std[d]) || 1;
  return { mean, std };
}

/** Logits of features through a folded classifier, argmax per row. */
export function predictLinear(weights: WeightMap, features: Float32Array, dims: number): Int32Array {
  const classes = weights['head.bias'].data.length;
  const n = features.length / dims;
  const out = new Int32Array(n);
  const w = weights['head.weight'].data;
  const b = weights['head.bias'].data;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestLogit = -Infinity;
    for (let c = 0; c < classes; c++) {
      let logit = b[c];
      for (let d = 0; d < dims; d++) logit += features[i * dims + d] * w[d * classes + c];
      if (logit > bestLogit) [best, bestLogit] = [c, logit];
    }
    out[i] = best;
  }
  return out;
}

/**
 * Class-weighted linear probe on standardised features; weight decay chosen on the validation split (the first
 * of the grid when there is none). The standardisation is folded into the returned weights, so serving needs none.
 */
export function fitLinearProbe(
  train: { features: Float32Array; labels: Int32Array },
  val: { features: Float32Array; labels: Int32Array },
  dims: number,
  classes: number,
): LinearFit {
  const { mean, std } = standardiser(train.features, dims);
  const scaled = (features: Float32Array) => features.map((v, j) => (v - mean[j % dims]) / std[j % dims]);
  const x = tf.tensor2d(scaled(train.features), [train.labels.length, dims]);
  let best: LinearFit | null = null;
  for (const weightDecay of val.labels.length ? WEIGHT_DECAYS : WEIGHT_DECAYS.slice(0, 1)) {
    const probe = trainLinearProbe(x, train.labels, { classes, weightDecay, epochs: 200 });
    const w = probe.weights['head.weight'].dataSync() as Float32Array;
    const b = probe.weights['head.bias'].dataSync() as Float32Array;
    // Fold: logits = ((f - mean) / std) W + b = f (W / std) + (b - (mean / std) W).
    const folded = new Float32Array(w.length);
    const bias = Float32Array.from(b);
    for (let d = 0; d < dims; d++) {
      for (let c = 0; c < classes; c++) {
        folded[d * classes + c] = w[d * classes + c] / std[d];
        bias[c] -= (mean[d] / std[d]) * w[d * classes + c];
      }
    }
    tf.dispose(Object.values(probe.weights));
    const weights: WeightMap = { 'head.weight': { shape: [dims, classes], data: folded }, 'head.bias': { shape: [classes], data: bias } };
    const valAccuracy = val.labels.length ? accuracy(predictLinear(weights, val.features, dims), val.labels) : null;
    if (!best || (valAccuracy ?? 0) > (best.valAccuracy ?? 0)) best = { weights, weightDecay, valAccuracy };
  }
  x.dispose();
  return best!;
}
