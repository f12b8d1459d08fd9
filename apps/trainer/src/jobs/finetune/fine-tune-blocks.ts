import {
  createVit,
  disposeModel,
  fineTune,
  getVitWeights,
  getWeights,
  setVitWeights,
  type VitConfig,
  type WeightMap,
} from '@dermino/model';
import * as tf from '@tensorflow/tfjs-core';
import { featuresOf } from '../shared/backbone.js';
import { loadPixels } from '../shared/load-pixels.js';
import type { FinetunePayload } from './finetune-payload.js';
import { predictLinear } from './fit-linear.js';

interface Item {
  imageId: string;
  storageKey: string | null;
}

export interface BlocksFit {
  weights: WeightMap;
  classifier: WeightMap;
  trainableBlocks: number;
  valAccuracy: number | null;
  trainImages: number;
  valImages: number;
  failed: { imageId: string; reason: string }[];
}

/**
 * Fine-tunes the last N blocks (all by default) of a backbone with a new linear head, in tfjs, on the chosen train
 * images only (decoded at the backbone's size), then scores the validation images.
 */
export async function fineTuneBlocks<T extends Item>(options: {
  home: string;
  vitConfig: VitConfig;
  weights: WeightMap;
  train: T[];
  val: T[];
  labelOf: (item: T) => number;
  classes: number;
  payload: FinetunePayload;
}): Promise<BlocksFit> {
  const { vitConfig, payload } = options;
  const size = vitConfig.imageSize;
  const train = await loadPixels(
    options.home,
    options.train.map((item) => item.storageKey),
    size,
  );
  const val = await loadPixels(
    options.home,
    options.val.map((item) => item.storageKey),
    size,
  );
  const failed = [
    ...train.failed.map((f) => ({ imageId: options.train[f.index].imageId, reason: f.reason })),
    ...val.failed.map((f) => ({ imageId: options.val[f.index].imageId, reason: f.reason })),
  ];
  const trainLabels = train.loaded.map((index) => options.labelOf(options.train[index]));
  if (new Set(trainLabels).size < 2)
    throw new Error(
      `Only ${trainLabels.length} train images could be read, of fewer than 2 classes; nothing to fine-tune.`,
    );
  const trainableBlocks = Math.min(payload.trainableBlocks ?? vitConfig.depth, vitConfig.depth);
  const vit = createVit(vitConfig);
  try {
    setVitWeights(vit, options.weights);
    const images = tf.tensor4d(train.pixels, [train.loaded.length, size, size, 3]);
    const head = fineTune(vit, images, trainLabels, {
      classes: options.classes,
      epochs: payload.epochs,
      seed: payload.seed,
      trainableBlocks,
      batchSize: payload.batchSize,
    });
    images.dispose();
    const classifier = getWeights(head.weights);
    tf.dispose(Object.values(head.weights));
    let valAccuracy: number | null = null;
    if (val.loaded.length) {
      const features = featuresOf(vit, val.pixels, val.loaded.length);
      const predicted = predictLinear(classifier, features, vitConfig.width);
      valAccuracy =
        predicted.filter((p, i) => p === options.labelOf(options.val[val.loaded[i]])).length /
        val.loaded.length;
    }
    return {
      weights: getVitWeights(vit),
      classifier,
      trainableBlocks,
      valAccuracy,
      trainImages: train.loaded.length,
      valImages: val.loaded.length,
      failed,
    };
  } finally {
    disposeModel(vit);
  }
}
