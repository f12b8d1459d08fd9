import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../random';
import { applyAdamW, createAdamW } from '../train/adamw';
import type { VitModel } from '../vit/create-vit';
import { normalizeImages } from '../vit/normalize';
import { vitForward } from '../vit/vit-forward';
import {
  classifierLogits,
  classWeights,
  createLinearClassifier,
  type LinearClassifier,
  weightedCrossEntropy,
} from './linear-probe';

export interface FineTuneOptions {
  classes: number;
  epochs?: number;
  batchSize?: number;
  lr?: number;
  /** The backbone learns at lr * backboneLrScale (smaller, so pretrained features are not destroyed). */
  backboneLrScale?: number;
  weightDecay?: number;
  seed?: number;
}

/** Full fine-tune: backbone (in place) and a new linear head on 0..1 images, class-weighted cross-entropy. */
export function fineTune(
  model: VitModel,
  images: tf.Tensor4D,
  labels: ArrayLike<number>,
  options: FineTuneOptions,
): LinearClassifier {
  const { classes } = options;
  const head = createLinearClassifier(model.config.width, classes);
  const params = { ...model.weights, ...head.weights };
  const optimizer = createAdamW(params);
  const weights = tf.tensor1d(classWeights(labels, classes));
  const rng = createRng(options.seed ?? 0);
  const batchSize = Math.min(options.batchSize ?? 32, images.shape[0]);
  const lr = options.lr ?? 1e-3;
  const nameOf = new Map(Object.entries(params).map(([name, v]) => [v.name, name]));
  for (let epoch = 0; epoch < (options.epochs ?? 5); epoch++) {
    const order = Array.from({ length: images.shape[0] }, (_, i) => i).sort(() => rng.next() - 0.5);
    for (let start = 0; start + batchSize <= order.length; start += batchSize) {
      const index = order.slice(start, start + batchSize);
      const x = tf.tidy(() => normalizeImages(tf.gather(images, index)));
      const y = tf.tensor1d(
        index.map((i) => labels[i]),
        'int32',
      );
      const { value, grads } = tf.variableGrads(
        () =>
          weightedCrossEntropy(
            classifierLogits(head, vitForward(model, x, { training: true, rng }).cls),
            y,
            weights,
            classes,
          ),
        Object.values(params),
      );
      const named: Record<string, tf.Tensor> = {};
      for (const [variable, grad] of Object.entries(grads)) if (grad) named[nameOf.get(variable)!] = grad;
      const backbone = Object.fromEntries(Object.entries(named).filter(([n]) => !n.startsWith('head.')));
      const headGrads = { 'head.weight': named['head.weight'], 'head.bias': named['head.bias'] };
      applyAdamW(params, backbone, optimizer, {
        lr: lr * (options.backboneLrScale ?? 0.1),
        weightDecay: options.weightDecay ?? 0.05,
      });
      optimizer.step -= 1; // one optimizer step per batch, shared by both groups
      applyAdamW(params, headGrads, optimizer, { lr, weightDecay: options.weightDecay ?? 0.05 });
      tf.dispose([x, y, value, ...Object.values(grads)]);
    }
  }
  tf.dispose([weights, ...Object.values(optimizer.m), ...Object.values(optimizer.v)]);
  return head;
}
