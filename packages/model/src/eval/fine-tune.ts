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
  /**
   * Only the last N transformer blocks and the final norm learn (with the head); patch embedding, tokens and the
   * earlier blocks stay frozen, and no gradient flows into them. All blocks when absent.
   */
  trainableBlocks?: number;
}

/** The backbone variables that learn: all, or those of the last N blocks and the final norm. */
function trainableWeights(model: VitModel, blocks: number | undefined): Record<string, tf.Variable> {
  if (blocks === undefined) return model.weights;
  const depth = model.config.depth;
  if (!Number.isInteger(blocks) || blocks < 1 || blocks > depth)
    throw new Error(
      `fineTune: trainableBlocks must be an integer from 1 to the depth ${depth}, got ${blocks}`,
    );
  const learns = (name: string) => {
    if (name.startsWith('norm.')) return true;
    const match = /^blocks\.(\d+)\./.exec(name);
    return match !== null && Number(match[1]) >= depth - blocks;
  };
  return Object.fromEntries(Object.entries(model.weights).filter(([name]) => learns(name)));
}

/** Fine-tune: backbone (in place; all of it or its last blocks) and a new linear head on 0..1 images, class-weighted cross-entropy. */
export function fineTune(
  model: VitModel,
  images: tf.Tensor4D,
  labels: ArrayLike<number>,
  options: FineTuneOptions,
): LinearClassifier {
  const { classes } = options;
  const learning = trainableWeights(model, options.trainableBlocks);
  const head = createLinearClassifier(model.config.width, classes);
  const params = { ...learning, ...head.weights };
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
