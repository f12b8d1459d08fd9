import * as tf from '@tensorflow/tfjs-core';
import { applyAdamW, createAdamW } from '../train/adamw';
import { nextId } from '../vit/create-vit';

export interface LinearProbeOptions {
  classes: number;
  epochs?: number;
  lr?: number;
  weightDecay?: number;
  /** Weight classes by inverse frequency so rare diagnoses count (default true). */
  balanceClasses?: boolean;
}

export interface LinearClassifier {
  /** `head.weight [D, C]`, `head.bias [C]` as in CONTRACT.md. */
  weights: Record<string, tf.Variable>;
}

/** Inverse-frequency class weights, normalised to mean 1 over the samples. */
export function classWeights(labels: ArrayLike<number>, classes: number): Float32Array {
  const counts = new Float32Array(classes);
  for (let i = 0; i < labels.length; i++) counts[labels[i]] += 1;
  const present = counts.filter((c) => c > 0).length;
  return counts.map((c) => (c > 0 ? labels.length / (present * c) : 0));
}

/** Class-weighted softmax cross-entropy of logits [N, C] against integer labels. */
export function weightedCrossEntropy(
  logits: tf.Tensor2D,
  labels: tf.Tensor1D,
  weights: tf.Tensor1D,
  classes: number,
): tf.Scalar {
  return tf.tidy(() => {
    const oneHot = tf.cast(tf.oneHot(labels, classes), 'float32');
    const perSample = tf.neg(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1));
    const sampleWeights = tf.sum(tf.mul(oneHot, weights), 1);
    return tf.div(tf.sum(tf.mul(perSample, sampleWeights)), tf.sum(sampleWeights)) as tf.Scalar;
  });
}

export function createLinearClassifier(width: number, classes: number): LinearClassifier {
  return tf.tidy(() => ({
    weights: {
      'head.weight': tf.variable(tf.zeros([width, classes]), true, `head/weight/${nextId()}`),
      'head.bias': tf.variable(tf.zeros([classes]), true, `head/bias/${nextId()}`),
    },
  }));
}

export function classifierLogits(classifier: LinearClassifier, features: tf.Tensor2D): tf.Tensor2D {
  return tf.add(
    tf.matMul(features, classifier.weights['head.weight']),
    classifier.weights['head.bias'],
  ) as tf.Tensor2D;
}

/**
 * Softmax regression on frozen features, full batch with AdamW. Features are standardised per dimension while
 * training (frozen ViT features share a large common component, which makes raw-feature probes slow to fit) and
 * the standardisation is folded back into `head.weight` / `head.bias`, so the probe applies to raw features.
 */
export function trainLinearProbe(
  features: tf.Tensor2D,
  labels: ArrayLike<number>,
  options: LinearProbeOptions,
): LinearClassifier {
  const { classes } = options;
  if (labels.length !== features.shape[0])
    throw new Error(`trainLinearProbe: ${labels.length} labels for ${features.shape[0]} feature rows`);
  const classifier = createLinearClassifier(features.shape[1], classes);
  const optimizer = createAdamW(classifier.weights);
  const labelTensor = tf.tensor1d(Array.from(labels), 'int32');
  const weights = tf.tensor1d(
    options.balanceClasses === false ? new Float32Array(classes).fill(1) : classWeights(labels, classes),
  );
  const { mean, scale, standardised } = tf.tidy(() => {
    const moments = tf.moments(features, 0);
    const scale = tf.sqrt(tf.add(moments.variance, 1e-6));
    return {
      mean: moments.mean,
      scale,
      standardised: tf.div(tf.sub(features, moments.mean), scale) as tf.Tensor2D,
    };
  });
  const params = Object.values(classifier.weights);
  for (let epoch = 0; epoch < (options.epochs ?? 200); epoch++) {
    const { value, grads } = tf.variableGrads(
      () => weightedCrossEntropy(classifierLogits(classifier, standardised), labelTensor, weights, classes),
      params,
    );
    const named = { 'head.weight': grads[params[0].name], 'head.bias': grads[params[1].name] };
    applyAdamW(classifier.weights, named, optimizer, {
      lr: options.lr ?? 1e-2,
      weightDecay: options.weightDecay ?? 1e-4,
    });
    tf.dispose([value, ...Object.values(grads)]);
  }
  tf.tidy(() => {
    // logits = ((x - mean) / scale) W + b = x (W / scale) + (b - (mean / scale) W)
    const w = classifier.weights['head.weight'];
    const folded = tf.div(w, tf.reshape(scale, [-1, 1]));
    const bias = tf.sub(
      classifier.weights['head.bias'],
      tf.reshape(tf.matMul(tf.reshape(tf.div(mean, scale), [1, -1]), w), [-1]),
    );
    w.assign(folded);
    classifier.weights['head.bias'].assign(bias);
  });
  tf.dispose([
    labelTensor,
    weights,
    mean,
    scale,
    standardised,
    ...Object.values(optimizer.m),
    ...Object.values(optimizer.v),
  ]);
  return classifier;
}

/** Predicted class per row. */
export function predictClasses(classifier: LinearClassifier, features: tf.Tensor2D): Int32Array {
  const argmax = tf.tidy(() => tf.argMax(classifierLogits(classifier, features), 1));
  const out = Int32Array.from(argmax.dataSync());
  argmax.dispose();
  return out;
}
