import {
  createPretrainState,
  disposePretrainState,
  trainStepAsync,
  type VitPresetName,
} from '@dermino/model';
import * as tf from '@tensorflow/tfjs-core';
import { pretrainConfigOf } from '../jobs/pretrain/pretrain-payload.js';
import { pretrainStepFlops } from './step-flops.js';

export interface ThroughputRow {
  preset: VitPresetName;
  backend: string;
  batch: number;
  /** Timed steps (after the warm-up ones, which compile shaders and size the heaps). */
  steps: number;
  secondsPerStep: number;
  imagesPerSecond: number;
  /** FLOPs of one step by pretrainStepFlops, in GFLOP. */
  gflopPerStep: number;
  /** Achieved: gflopPerStep / secondsPerStep. */
  gflops: number;
  /** The last step's total loss: finite, or the step did not train. */
  loss: number;
}

/**
 * Times the model package's pretraining step (the trainer's own, multi-crop, teacher and student, AdamW) on one
 * random in-memory batch: step time, images/s and achieved GFLOP/s. Every step ends by reading its losses (trainStepAsync,
 * as the trainer's loop), so the backend has finished its work when the clock stops.
 */
export async function measureThroughput(options: {
  preset: VitPresetName;
  batch: number;
  steps: number;
  warmup: number;
  seed?: number;
}): Promise<ThroughputRow> {
  const { preset, batch, steps, warmup } = options;
  const config = pretrainConfigOf({ config: {}, preset, seed: options.seed ?? 0, steps: 1000 });
  const state = createPretrainState(config);
  const size = state.config.vit.imageSize;
  const images = tf.randomUniform([batch, size, size, 3], 0, 1, 'float32', options.seed ?? 0) as tf.Tensor4D;
  try {
    let loss = Number.NaN;
    for (let i = 0; i < warmup; i++) loss = (await trainStepAsync(state, { images })).losses.total;
    const started = performance.now();
    for (let i = 0; i < steps; i++) loss = (await trainStepAsync(state, { images })).losses.total;
    const secondsPerStep = (performance.now() - started) / 1000 / steps;
    const gflopPerStep = pretrainStepFlops(state.config, batch).total / 1e9;
    return {
      preset,
      backend: tf.getBackend(),
      batch,
      steps,
      secondsPerStep,
      imagesPerSecond: batch / secondsPerStep,
      gflopPerStep,
      gflops: gflopPerStep / secondsPerStep,
      loss,
    };
  } finally {
    images.dispose();
    disposePretrainState(state);
  }
}
