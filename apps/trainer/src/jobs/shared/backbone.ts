import * as tf from '@tensorflow/tfjs-core';
import type { ModelVersionRecord } from '@dermino/db';
import { createVit, extractFeatures, resolveVitConfig, setVitWeights, type VitConfig, type VitModel } from '@dermino/model';
import { readArtifact } from './artifacts.js';
import { decodeWeights } from './weights-file.js';

/** The ViT config a registered model was built with (backbones keep it under config.pretrain.vit, classifiers under config.vit). */
export function vitConfigOf(model: Pick<ModelVersionRecord, 'id' | 'config'>): VitConfig {
  const config = model.config as { pretrain?: { vit?: VitConfig }; vit?: VitConfig } | null;
  const vit = config?.vit ?? config?.pretrain?.vit;
  if (!vit) throw new Error(`Model ${model.id} records no ViT config.`);
  return resolveVitConfig(vit);
}

/** Rebuilds a registered backbone in tfjs from its checksummed weights file. */
export async function loadBackbone(home: string, model: ModelVersionRecord): Promise<VitModel> {
  if (model.kind !== 'BACKBONE') throw new Error(`Model ${model.id} is a ${model.kind.toLowerCase()}, not a backbone.`);
  const weights = decodeWeights(await readArtifact(home, model, 'backbone-weights'), `model ${model.id} backbone-weights`);
  const vit = createVit(vitConfigOf(model));
  setVitWeights(vit, weights);
  return vit;
}

/** CLS features of 0..1 pixels [count, size, size, 3], read out as a plain array [count * width]. */
export function featuresOf(vit: VitModel, pixels: Float32Array, count: number): Float32Array {
  const size = vit.config.imageSize;
  const images = tf.tensor4d(pixels, [count, size, size, 3]);
  const features = extractFeatures(vit, images, { batchSize: 64 });
  const out = new Float32Array(features.dataSync() as Float32Array);
  tf.dispose([images, features]);
  return out;
}
