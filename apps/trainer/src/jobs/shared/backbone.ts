import * as tf from '@tensorflow/tfjs-core';
import type { ModelVersionRecord } from '@dermino/db';
import { extractFeatures, resolveVitConfig, type VitConfig, type VitModel } from '@dermino/model';

/** The ViT config a registered model was built with (pretrained backbones keep it under config.pretrain.vit; classifiers and imported backbones under config.vit). */
export function vitConfigOf(model: Pick<ModelVersionRecord, 'id' | 'config'>): VitConfig {
  const config = model.config as { pretrain?: { vit?: VitConfig }; vit?: VitConfig } | null;
  const vit = config?.vit ?? config?.pretrain?.vit;
  if (!vit) throw new Error(`Model ${model.id} records no ViT config.`);
  return resolveVitConfig(vit);
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
