// Pretrains a backbone on the training images of the HAM10000 split with the data-parallel trainer, for a step
// count or a wall-clock budget; optionally with the label loss on the images that have a label.
import * as tf from '@tensorflow/tfjs-core';
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
  log?: (line: string) => void;
}

export async function pretrainOnHam(
  options: HamPretrainOptions,
): Promise<{ state: PretrainState; steps: number; seconds: number }> {
  const conceptEmbeddings = options.labelOf
    ? deriveConceptEmbeddings(
        HAM_CLASSES.map((code) => ({ code })),
        64,
      )
    : undefined;
  const state = createPretrainState(options.config, { conceptEmbeddings });
  const trainer = await createParallelTrainer(state, {
    replicas: options.replicas,
    backend: { module: '@tensorflow/tfjs-backend-wasm', name: 'wasm' },
    conceptEmbeddings,
  });
  const count = options.images.shape[0];
  const classes = HAM_CLASSES.length;
  const rng = createRng(state.config.seed + 17);
  const started = performance.now();
  let last = started;
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
      if (now - last > 30_000 || state.step === options.steps) {
        last = now;
        const l = log.losses;
        options.log?.(
          `step ${state.step}: total ${l.total.toFixed(3)} dino ${l.dino.toFixed(3)} ibot ${l.ibot.toFixed(3)} koleo ${l.koleo.toFixed(3)} label ${l.label.toFixed(3)} (${((now - started) / 1000).toFixed(0)} s)`,
        );
      }
      if (options.seconds && (now - started) / 1000 > options.seconds) break;
    }
  } finally {
    await trainer.close();
  }
  return { state, steps: state.step, seconds: (performance.now() - started) / 1000 };
}

/** Seconds per step of this recipe here (a throwaway state, one untimed step, then three timed ones). */
export async function timeHamStep(
  options: Omit<HamPretrainOptions, 'steps' | 'seconds' | 'log'>,
): Promise<number> {
  const probe = await pretrainOnHam({ ...options, steps: 1 });
  disposePretrainState(probe.state);
  const timed = await pretrainOnHam({ ...options, steps: 3 });
  disposePretrainState(timed.state);
  return timed.seconds / 3;
}
