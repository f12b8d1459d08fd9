import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random';
import { normalizeImages } from '../vit/normalize';
import { type ColourJitter, colourJitter, randomBlur, randomGreyscale, randomSolarize } from './photometric';

export interface MultiCropConfig {
  globalSize: number;
  localSize: number;
  localCrops: number;
  globalScale: [number, number];
  localScale: [number, number];
  flipProbability: number;
  /**
   * Lesions have no orientation: also flip vertically and transpose (each with p 0.5), so with the horizontal flip
   * every crop is one of the 8 rotations/flips, drawn uniformly when flipProbability is 0.5.
   */
  dihedral: boolean;
  jitter: ColourJitter;
  greyscaleProbability: number;
  /** DINO recipe: blur always on global view 1, 10% on view 2, 50% on local views; solarise 20% on view 2. */
  blurProbability: { global1: number; global2: number; local: number };
  solarizeProbability: number;
}

export function defaultMultiCrop(globalSize: number, localSize: number, localCrops: number): MultiCropConfig {
  return {
    globalSize,
    localSize,
    localCrops,
    globalScale: [0.32, 1],
    localScale: [0.05, 0.32],
    flipProbability: 0.5,
    dihedral: false,
    jitter: { probability: 0.8, brightness: 0.4, contrast: 0.4, saturation: 0.2, hue: 0.1 },
    greyscaleProbability: 0.2,
    blurProbability: { global1: 1, global2: 0.1, local: 0.5 },
    solarizeProbability: 0.2,
  };
}

/**
 * Random resized crop boxes [y1, x1, y2, x2] (normalised) with area in `scale` and aspect ratio in [3/4, 4/3];
 * a horizontal flip is encoded by swapping x1 and x2, which cropAndResize samples right-to-left (a vertical one
 * by swapping y1 and y2).
 */
export function randomCropBoxes(
  batch: number,
  scale: [number, number],
  flipProbability: number,
  rng: Rng,
  verticalFlipProbability = 0,
): number[][] {
  return Array.from({ length: batch }, () => {
    const area = rng.uniform(scale[0], scale[1]);
    const aspect = Math.exp(rng.uniform(Math.log(3 / 4), Math.log(4 / 3)));
    const w = Math.min(1, Math.sqrt(area * aspect));
    const h = Math.min(1, Math.sqrt(area / aspect));
    const top = rng.uniform(0, 1 - h);
    const left = rng.uniform(0, 1 - w);
    const [x1, x2] = rng.next() < flipProbability ? [left + w, left] : [left, left + w];
    if (verticalFlipProbability > 0 && rng.next() < verticalFlipProbability) return [top + h, x1, top, x2];
    return [top, x1, top + h, x2];
  });
}

function view(
  images: tf.Tensor4D,
  size: number,
  scale: [number, number],
  blur: number,
  solarize: number,
  config: MultiCropConfig,
  rng: Rng,
): tf.Tensor4D {
  return tf.tidy(() => {
    const batch = images.shape[0];
    const boxes = tf.tensor2d(
      randomCropBoxes(batch, scale, config.flipProbability, rng, config.dihedral ? 0.5 : 0),
    );
    const indices = tf.tensor1d(
      Array.from({ length: batch }, (_, i) => i),
      'int32',
    );
    let x = tf.image.cropAndResize(images, boxes, indices, [size, size], 'bilinear');
    if (config.dihedral) x = randomTranspose(x, rng);
    x = colourJitter(x, rng, config.jitter);
    x = randomGreyscale(x, rng, config.greyscaleProbability);
    x = randomBlur(x, rng, blur);
    if (solarize > 0) x = randomSolarize(x, rng, solarize);
    return normalizeImages(x);
  });
}

function randomTranspose(x: tf.Tensor4D, rng: Rng): tf.Tensor4D {
  const pick = Array.from({ length: x.shape[0] }, () => (rng.next() < 0.5 ? 1 : 0));
  const p = tf.tensor4d(pick, [pick.length, 1, 1, 1]);
  return tf.add(tf.mul(x, tf.sub(1, p)), tf.mul(tf.transpose(x, [0, 2, 1, 3]), p)) as tf.Tensor4D;
}

export interface MultiCropViews {
  /** Two global views [B, G, G, 3], normalised for the ViT. */
  global: tf.Tensor4D[];
  /** `localCrops` local views [B, L, L, 3], normalised. */
  local: tf.Tensor4D[];
}

/** DINO multi-crop of a batch of 0..1 images [B, H, W, 3], seeded by `rng`. The caller disposes the views. */
export function multiCrop(images: tf.Tensor4D, config: MultiCropConfig, rng: Rng): MultiCropViews {
  if (images.rank !== 4 || images.shape[3] !== 3)
    throw new Error(`multiCrop: images must be [B, H, W, 3], got [${images.shape}]`);
  const p = config.blurProbability;
  return {
    global: [
      view(images, config.globalSize, config.globalScale, p.global1, 0, config, rng),
      view(images, config.globalSize, config.globalScale, p.global2, config.solarizeProbability, config, rng),
    ],
    local: Array.from({ length: config.localCrops }, () =>
      view(images, config.localSize, config.localScale, p.local, 0, config, rng),
    ),
  };
}
