// Pretrains a backbone on the training images of the HAM10000 split with the data-parallel trainer, for a step
// count or a wall-clock budget; optionally with the label loss on the images that have a label.
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { loadCheckpoint, saveCheckpoint } from '../../src/checkpoint/checkpoint';
import { deriveConceptEmbeddings } from '../../src/concepts/concept-embeddings';
import { createRng } from '../../src/random';
import { createParallelTrainer } from '../../src/train/parallel/parallel-trainer';
import type { PretrainConfigInput } from '../../src/train/pretrain-config';
import {
  createPretrainState,
  disposePretrainState,
  type PretrainState,
} from '../../src/train/pretrain-state';
import { HAM_CLASSES } from './data';

export interface HamPretrainOptions {
  config: PretrainConfigInput;
  /** [count, size, size, 3] in 0..1. */
  images: tf.Tensor4D;
  /** Class of each image for the label loss, -1 when unlabelled; no label loss when absent. */
  labelOf?: Int32Array;
  steps: number;
  batchSize: number;
  replicas: number;
  /** Stop early when this many seconds have passed (the schedule still assumes `steps`). */
  seconds?: number;
  /**
   * A folder for the run's checkpoint: written every `checkpointEverySeconds` (default 600) and at the end, and
   * resumed from when it holds one, so a long run survives being stopped (its batches after a resume are drawn
   * from a seed that includes the step, so none repeats the run's first ones).
   */
  checkpointDir?: string;
  checkpointEverySeconds?: number;
  /** Seconds are also measured from the end of this step (the warm-up excluded): `secondsAfterWarmup`. */
  warmupSteps?: number;
  log?: (line: string) => void;
}

export async function pretrainOnHam(
  options: HamPretrainOptions,
): Promise<{ state: PretrainState; steps: number; seconds: number; secondsAfterWarmup?: number }> {
  const conceptEmbeddings = options.labelOf
    ? deriveConceptEmbeddings(
        HAM_CLASSES.map((code) => ({ code })),
        64,
      )
    : undefined;
  const state = createPretrainState(options.config, { conceptEmbeddings });
  if (options.checkpointDir && existsSync(path.join(options.checkpointDir, 'manifest.json'))) {
    // loadCheckpoint refuses a checkpoint made with another config or label head, naming the difference.
    await loadCheckpoint(options.checkpointDir, state);
    options.log?.(`resumed from ${options.checkpointDir} at step ${state.step} of ${options.steps}`);
  }
  const trainer = await createParallelTrainer(state, {
    replicas: options.replicas,
    backend: { module: '@tensorflow/tfjs-backend-wasm', name: 'wasm' },
    conceptEmbeddings,
  });
  const count = options.images.shape[0];
  const classes = HAM_CLASSES.length;
  const rng = createRng(state.config.seed + 17 + state.step);
  const started = performance.now();
  let last = started;
  let lastSave = started;
  let warm: number | undefined;
  let lastStepEnd = started;
  const checkpoint = async () => {
    if (!options.checkpointDir) return;
    await saveCheckpoint(options.checkpointDir, state);
    lastSave = performance.now();
  };
  try {
    while (state.step < options.steps) {
      const rows = Array.from({ length: options.batchSize }, () => rng.int(count));
      const images = tf.tidy(() => tf.gather(options.images, tf.tensor1d(rows, 'int32'))) as tf.Tensor4D;
      let labels: { targets: tf.Tensor2D; labelSpace: tf.Tensor2D } | undefined;
      if (options.labelOf) {
        const targets = new Float32Array(rows.length * classes);
        const space = new Float32Array(rows.length * classes);
        rows.forEach((row, i) => {
          const label = options.labelOf![row];
          if (label < 0) return;
          targets[i * classes + label] = 1;
          space.fill(1, i * classes, (i + 1) * classes);
        });
        labels = {
          targets: tf.tensor2d(targets, [rows.length, classes]),
          labelSpace: tf.tensor2d(space, [rows.length, classes]),
        };
      }
      const log = await trainer.step({ images, labels });
      tf.dispose([images, ...(labels ? [labels.targets, labels.labelSpace] : [])]);
      const now = performance.now();
      lastStepEnd = now;
      if (state.step === options.warmupSteps) warm = now;
      if ((now - lastSave) / 1000 > (options.checkpointEverySeconds ?? 600)) await checkpoint();
      if (now - last > 30_000 || state.step === options.steps) {
        last = now;
        const l = log.losses;
        options.log?.(
          `step ${state.step}: total ${l.total.toFixed(3)} dino ${l.dino.toFixed(3)} ibot ${l.ibot.toFixed(3)} koleo ${l.koleo.toFixed(3)} label ${l.label.toFixed(3)} (${((now - started) / 1000).toFixed(0)} s)`,
        );
      }
      if (options.seconds && (now - started) / 1000 > options.seconds) break;
    }
    await checkpoint();
  } finally {
    await trainer.close();
  }
  const end = performance.now();
  return {
    state,
    steps: state.step,
    seconds: (end - started) / 1000,
    // The steps alone: closing the trainer's threads afterwards took 1-2 s, which the 8 timed steps once included
    // (a 5-minute budget then planned 20-30% fewer steps than it held).
    secondsAfterWarmup: warm === undefined ? undefined : (lastStepEnd - warm) / 1000,
  };
}

/**
 * Seconds per step of this recipe here: a throwaway state, 20 warm-up steps, then 16 timed ones, all on one trainer.
 * A fresh trainer's first steps start its threads and compile its kernels, and the cpu-night recipe's steps stay
 * slow for a dozen or more after that (here steps 4-27 took 0.87 s each, steps 41-64 0.56 s): timing the first ones
 * planned about half the steps an 8-hour budget holds, and 3 warm-up steps still about 30% too few.
 */
export async function timeHamStep(
  options: Omit<HamPretrainOptions, 'steps' | 'seconds' | 'log' | 'checkpointDir' | 'warmupSteps'>,
): Promise<number> {
  const warmup = 20;
  const timed = 16;
  const run = await pretrainOnHam({ ...options, steps: warmup + timed, warmupSteps: warmup });
  disposePretrainState(run.state);
  return run.secondsAfterWarmup! / timed;
}
