// Linear probe, kNN and a one-hidden-layer MLP on fixed features, with optional test-time averaging over views.
import * as tf from '@tensorflow/tfjs-core';
import { knnClassify } from '../../src/eval/knn';
import {
  classifierLogits,
  classWeights,
  trainLinearProbe,
  weightedCrossEntropy,
} from '../../src/eval/linear-probe';
import { createRng } from '../../src/random';
import { applyAdamW, createAdamW } from '../../src/train/adamw';

/** Features of every view of a set of images: views[v] is [count, dim] for the same images in the same order. */
export interface ViewFeatures {
  views: Float32Array[];
  count: number;
  dim: number;
}

export type ProbeKind = 'linear' | 'knn' | 'mlp';

function stack(set: ViewFeatures, views: number): Float32Array {
  const out = new Float32Array(views * set.count * set.dim);
  for (let v = 0; v < views; v++) out.set(set.views[v], v * set.count * set.dim);
  return out;
}

function softmaxRows(logits: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(logits.length);
  for (let r = 0; r < logits.length / classes; r++) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, logits[r * classes + c]);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += out[r * classes + c] = Math.exp(logits[r * classes + c] - max);
    for (let c = 0; c < classes; c++) out[r * classes + c] /= sum;
  }
  return out;
}

/** A one-hidden-layer ReLU MLP, class-weighted cross-entropy, AdamW on minibatches; returns test logits. */
function trainMlp(
  train: Float32Array,
  labels: Int32Array,
  dim: number,
  classes: number,
  hidden = 256,
  epochs = 40,
) {
  const rng = createRng(5);
  const init = (rows: number, cols: number) =>
    tf.variable(
      tf.tensor2d(
        Float32Array.from({ length: rows * cols }, () => rng.normal() * Math.sqrt(2 / rows)),
        [rows, cols],
      ),
    );
  const params = {
    w1: init(dim, hidden),
    b1: tf.variable(tf.zeros([hidden])),
    w2: init(hidden, classes),
    b2: tf.variable(tf.zeros([classes])),
  };
  const forward = (x: tf.Tensor2D) =>
    tf.add(
      tf.matMul(tf.relu(tf.add(tf.matMul(x, params.w1), params.b1)), params.w2),
      params.b2,
    ) as tf.Tensor2D;
  const optimizer = createAdamW(params);
  const weights = tf.tensor1d(classWeights(labels, classes));
  const rows = labels.length;
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const batch = 256;
  const steps = epochs * Math.ceil(rows / batch);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = rows - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let start = 0; start < rows; start += batch) {
      const idx = order.subarray(start, Math.min(rows, start + batch));
      const x = new Float32Array(idx.length * dim);
      idx.forEach((r, i) => {
        x.set(train.subarray(r * dim, (r + 1) * dim), i * dim);
      });
      const xt = tf.tensor2d(x, [idx.length, dim]);
      const yt = tf.tensor1d(
        Array.from(idx, (r) => labels[r]),
        'int32',
      );
      const list = Object.values(params);
      const { value, grads } = tf.variableGrads(
        () => weightedCrossEntropy(forward(xt), yt, weights, classes),
        list,
      );
      const named = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, grads[v.name]]));
      const lr = 1e-3 * 0.5 * (1 + Math.cos((Math.PI * step++) / steps));
      applyAdamW(params, named, optimizer, { lr, weightDecay: 1e-4 });
      tf.dispose([xt, yt, value, ...Object.values(grads)]);
    }
  }
  tf.dispose([weights, ...Object.values(optimizer.m), ...Object.values(optimizer.v)]);
  return { forward, dispose: () => tf.dispose(Object.values(params)) };
}

/**
 * Fits the probe on the training features (for linear and MLP probes every training view is an extra sample when
 * `views` > 1; kNN keeps the images as they are as its memory) and returns test class probabilities
 * [testCount, classes], averaged over the first `views` views of each test image.
 */
export function probeProbabilities(
  kind: ProbeKind,
  train: ViewFeatures,
  trainLabels: Int32Array,
  test: ViewFeatures,
  classes: number,
  views = 1,
): Float32Array {
  const dim = train.dim;
  const trainViews = kind === 'knn' ? 1 : views;
  const trainX = stack(train, trainViews);
  const labels = new Int32Array(trainViews * train.count);
  for (let v = 0; v < trainViews; v++) labels.set(trainLabels, v * train.count);
  // Centre on the training mean: cosine kNN then compares deviations, not the common component.
  const mean = new Float32Array(dim);
  for (let i = 0; i < trainX.length; i++) mean[i % dim] += trainX[i] / labels.length;
  const centre = (x: Float32Array) => x.map((value, i) => value - mean[i % dim]);
  const trainT = tf.tensor2d(centre(trainX), [labels.length, dim]);
  const out = new Float32Array(test.count * classes);
  let predict: (x: tf.Tensor2D) => Float32Array;
  let dispose = () => {};
  if (kind === 'linear') {
    const classifier = trainLinearProbe(trainT, labels, { classes, epochs: 300, lr: 1e-2 });
    predict = (x) => readAndDispose(tf.tidy(() => classifierLogits(classifier, x)));
    dispose = () => tf.dispose(Object.values(classifier.weights));
  } else if (kind === 'mlp') {
    // The same number of updates whatever the views (8 views make an epoch 8 times longer).
    const epochs = Math.max(5, Math.round(40 / views));
    const mlp = trainMlp(
      trainX.map((v, i) => v - mean[i % dim]),
      labels,
      dim,
      classes,
      256,
      epochs,
    );
    predict = (x) => readAndDispose(tf.tidy(() => mlp.forward(x)));
    dispose = mlp.dispose;
  } else {
    predict = (x) => knnClassify(trainT, labels, x, { classes, k: 20, temperature: 0.07 }).scores;
  }
  for (let v = 0; v < views; v++) {
    const x = tf.tensor2d(centre(test.views[v]), [test.count, dim]);
    const scores = predict(x);
    x.dispose();
    const probs = kind === 'knn' ? normaliseRows(scores, classes) : softmaxRows(scores, classes);
    for (let i = 0; i < out.length; i++) out[i] += probs[i] / views;
  }
  dispose();
  trainT.dispose();
  return out;
}

function readAndDispose(tensor: tf.Tensor): Float32Array {
  const values = tensor.dataSync() as Float32Array;
  tensor.dispose();
  return values;
}

function normaliseRows(scores: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(scores.length);
  for (let r = 0; r < scores.length / classes; r++) {
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += scores[r * classes + c];
    for (let c = 0; c < classes; c++)
      out[r * classes + c] = sum > 0 ? scores[r * classes + c] / sum : 1 / classes;
  }
  return out;
}
