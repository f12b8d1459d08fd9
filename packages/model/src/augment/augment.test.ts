import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { createRng } from '../random';
import { defaultMultiCrop, multiCrop, randomCropBoxes } from './multi-crop';
import { randomBlur, randomGreyscale, randomSolarize } from './photometric';

function gradientImages(batch: number, size: number): tf.Tensor4D {
  return tf.tidy(() => {
    const ramp = tf.div(tf.range(0, size), size - 1);
    const red = tf.tile(tf.reshape(ramp, [1, 1, size, 1]), [batch, size, 1, 1]);
    const green = tf.tile(tf.reshape(ramp, [1, size, 1, 1]), [batch, 1, size, 1]);
    return tf.concat([red, green, tf.fill([batch, size, size, 1], 0.25)], 3) as tf.Tensor4D;
  });
}

describe('augmentation', () => {
  beforeAll(() => useTestBackend());

  it('multi-crop gives 2 global and N local normalised views, reproducibly, without leaks', () => {
    const images = gradientImages(3, 32);
    const before = tf.memory().numTensors;
    const config = defaultMultiCrop(32, 16, 4);
    const a = multiCrop(images, config, createRng(9));
    const b = multiCrop(images, config, createRng(9));
    expect(a.global.map((v) => v.shape)).toEqual([
      [3, 32, 32, 3],
      [3, 32, 32, 3],
    ]);
    expect(a.local).toHaveLength(4);
    expect(a.local[0].shape).toEqual([3, 16, 16, 3]);
    expect(Array.from(a.local[2].dataSync())).toEqual(Array.from(b.local[2].dataSync()));
    const c = multiCrop(images, config, createRng(10));
    expect(Array.from(c.global[0].dataSync())).not.toEqual(Array.from(a.global[0].dataSync()));
    tf.dispose([...a.global, ...a.local, ...b.global, ...b.local, ...c.global, ...c.local]);
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
  });

  it('a flipped crop box mirrors the image (red ramp reverses)', async () => {
    const boxes = randomCropBoxes(1, [1, 1], 1, createRng(1));
    expect(boxes[0][1]).toBeGreaterThan(boxes[0][3]);
    const images = gradientImages(1, 8);
    const out = tf.image.cropAndResize(images, tf.tensor2d(boxes), tf.tensor1d([0], 'int32'), [8, 8]);
    const row = (out.arraySync() as number[][][][])[0][0].map((pixel) => pixel[0]);
    expect(row[0]).toBeGreaterThan(0.9);
    expect(row[7]).toBeLessThan(0.1);
  });

  it('dihedral crops flip vertically and transpose: a full-image crop is one of the 8 rotations/flips', () => {
    const boxes = randomCropBoxes(1, [1, 1], 0, createRng(1), 1);
    expect(boxes[0][0]).toBeGreaterThan(boxes[0][2]);
    const images = gradientImages(16, 8);
    const config = {
      ...defaultMultiCrop(8, 8, 0),
      globalScale: [1, 1] as [number, number],
      dihedral: true,
      jitter: { probability: 0, brightness: 0, contrast: 0, saturation: 0, hue: 0 },
      greyscaleProbability: 0,
      blurProbability: { global1: 0, global2: 0, local: 0 },
      solarizeProbability: 0,
    };
    const views = multiCrop(images, config, createRng(3));
    const raw = tf
      .tidy(() => tf.add(tf.mul(views.global[0], [0.229, 0.224, 0.225]), [0.485, 0.456, 0.406]))
      .arraySync() as number[][][][];
    const ramps = new Set(
      raw.map((image) => {
        // Which way the red ramp (left-to-right in the source) now runs: along a row or a column, up or down.
        const alongRow = Math.abs(image[0][7][0] - image[0][0][0]) > 0.5;
        const rising = alongRow ? image[0][7][0] > image[0][0][0] : image[7][0][0] > image[0][0][0];
        return `${alongRow ? 'row' : 'column'}-${rising ? 'up' : 'down'}`;
      }),
    );
    expect(ramps.size).toBe(4);
    tf.dispose([images, ...views.global]);
  });

  it('greyscale, solarise and blur do what they say', () => {
    const images = gradientImages(1, 8);
    const grey = randomGreyscale(images, createRng(1), 1).arraySync()[0][3][5];
    expect(grey[0]).toBeCloseTo(grey[1], 6);
    expect(grey[0]).toBeCloseTo(0.299 * (5 / 7) + 0.587 * (3 / 7) + 0.114 * 0.25, 5);
    const solar = randomSolarize(images, createRng(1), 1).arraySync()[0][0][7];
    expect(solar[0]).toBeCloseTo(0, 5); // 1.0 >= 0.5 -> 1 - 1
    expect(solar[2]).toBeCloseTo(0.25, 5); // below threshold: unchanged
    const flat = tf.fill([1, 8, 8, 3], 0.3) as tf.Tensor4D;
    const blurred = randomBlur(flat, createRng(1), 1, [50, 60]);
    expect(tf.max(tf.abs(tf.sub(blurred, 0.3))).dataSync()[0]).toBeLessThan(1e-5); // a constant image stays constant
    const sharpness = (x: tf.Tensor) =>
      tf
        .sum(tf.abs(tf.sub(tf.slice(x, [0, 0, 1, 0], [1, 8, 7, 3]), tf.slice(x, [0, 0, 0, 0], [1, 8, 7, 3]))))
        .dataSync()[0];
    const checker = tf.tensor4d(
      Array.from({ length: 192 }, (_, i) => (Math.floor(i / 3) % 2 === 0 ? 1 : 0)),
      [1, 8, 8, 3],
    );
    expect(sharpness(randomBlur(checker, createRng(2), 1, [200, 300]))).toBeLessThan(
      sharpness(checker) * 0.5,
    );
  });

  it('blurs each image with its own border-renormalised Gaussian, as the smoothing-matrix product K X K^T does', () => {
    const [batch, size] = [6, 12];
    const images = tf.randomUniform([batch, size, size, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
    const pixels = images.arraySync();
    // The same draws as randomBlur: per image, blurred or not, then its sigma (scaled from 224 px).
    const reference = (range: [number, number], probability: number) => {
      const rng = createRng(3);
      return pixels.map((image) => {
        const sigma = rng.next() < probability ? (rng.uniform(range[0], range[1]) * size) / 224 : 0;
        if (sigma === 0) return image;
        const k = Array.from({ length: size }, (_, i) => {
          const row = Array.from({ length: size }, (_, j) => Math.exp(-((i - j) ** 2) / (2 * sigma * sigma)));
          const total = row.reduce((a, b) => a + b, 0);
          return row.map((value) => value / total);
        });
        return k.map((ki) =>
          k.map((kj) =>
            [0, 1, 2].map((c) =>
              ki.reduce(
                (sum, wi, i) => sum + wi * kj.reduce((inner, wj, j) => inner + wj * image[i]![j]![c]!, 0),
                0,
              ),
            ),
          ),
        );
      });
    };
    // Kernels wider than the image: every tap kept, so equal to the full matrix; half the images left as they are.
    const wide = randomBlur(images, createRng(3), 0.5, [150, 250]).arraySync();
    const expectedWide = reference([150, 250], 0.5);
    // Narrow kernels, cut at 4 sigma: equal within the tails left out.
    const narrow = randomBlur(images, createRng(3), 1, [20, 60]).arraySync();
    const expectedNarrow = reference([20, 60], 1);
    let untouched = 0;
    for (let b = 0; b < batch; b++) {
      if (expectedWide[b] === pixels[b]) untouched++;
      for (let i = 0; i < size; i++)
        for (let j = 0; j < size; j++)
          for (let c = 0; c < 3; c++) {
            expect(wide[b]![i]![j]![c]!).toBeCloseTo(expectedWide[b]![i]![j]![c]!, 5);
            expect(Math.abs(narrow[b]![i]![j]![c]! - expectedNarrow[b]![i]![j]![c]!)).toBeLessThan(1e-3);
          }
    }
    expect(untouched).toBeGreaterThan(0);
    expect(untouched).toBeLessThan(batch);
  });
});
