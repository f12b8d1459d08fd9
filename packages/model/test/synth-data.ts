import { generateCohort, renderSamples, SYNTH_CLASS_CODES } from '@dermino/synth';
import * as tf from '@tensorflow/tfjs-core';

export interface SynthSplit {
  images: tf.Tensor4D;
  labels: number[];
}

/** Synthetic dermoscopy-like images from @dermino/synth as 0..1 tensors with their true class. */
export function loadSynthImages(options: {
  seed: number;
  count: number;
  size: number;
}): SynthSplit & { classes: number; codes: readonly string[] } {
  const cohort = generateCohort({ seed: options.seed, imageCount: options.count });
  const samples = renderSamples(cohort.images.slice(0, options.count), options.size);
  const pixels = new Float32Array(samples.length * options.size * options.size * 3);
  samples.forEach((sample, i) => {
    for (let j = 0; j < sample.data.length; j++) pixels[i * sample.data.length + j] = sample.data[j] / 255;
  });
  return {
    images: tf.tensor4d(pixels, [samples.length, options.size, options.size, 3]),
    labels: samples.map((s) => s.classIndex),
    classes: SYNTH_CLASS_CODES.length,
    codes: SYNTH_CLASS_CODES,
  };
}
