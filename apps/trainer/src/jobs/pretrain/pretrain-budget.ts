import {
  createParallelTrainer,
  createPretrainState,
  disposePretrainState,
  type PretrainConfigInput,
  trainStepAsync,
} from '@dermino/model';
import * as tf from '@tensorflow/tfjs-core';
import type { PretrainData, PretrainRunOptions } from './pretrain-loop.js';

/** "8h", "90m", "1h30m", "300s" or a number of seconds -> seconds; a clear error otherwise. */
export function parseDuration(text: string, flag = 'budget'): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const match = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(trimmed);
  const seconds = match
    ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0)
    : 0;
  if (!match || !(seconds > 0))
    throw new Error(`--${flag} must be a duration such as 8h, 90m, 1h30m or 300s, got "${text}"`);
  return seconds;
}

/**
 * Steps that fill a wall-clock budget: times steps of a throwaway state on real batches (this machine, this load,
 * the same replicas), then budget / seconds-per-step, less 3% for checkpoints. The run itself also stops at the
 * budget, so a slower machine only cuts the tail of the schedule.
 *
 * A fresh trainer's first steps are slow (threads start, kernels compile, and for the cpu-night recipe a dozen or
 * more steps after that: 0.87 s a step for steps 4-27 against 0.56 s for steps 41-64 on the 2-core machine), so it
 * warms up for up to `warmupSteps` (20) and times up to `timedSteps` (16), within 5% of the budget (at most 30 s):
 * at least 1 warm-up step and 3 timed ones. Timing only the first few had planned 20-35% fewer steps than a budget held.
 */
export async function stepsForBudget(options: {
  budgetSeconds: number;
  data: PretrainData;
  config: PretrainConfigInput;
  batchSize: number;
  parallel?: PretrainRunOptions['parallel'];
  warmupSteps?: number;
  timedSteps?: number;
}): Promise<{ steps: number; secondsPerStep: number; warmupSteps: number; timedSteps: number }> {
  const { data, batchSize } = options;
  const state = createPretrainState(options.config, { conceptEmbeddings: data.labels?.embeddings });
  const replicas = Math.min(
    options.parallel?.backend ? options.parallel.replicas : 1,
    Math.floor(batchSize / 2),
  );
  const trainer =
    replicas > 1
      ? await createParallelTrainer(state, {
          replicas,
          backend: options.parallel!.backend!,
          conceptEmbeddings: data.labels?.embeddings,
        })
      : null;
  const imageLength = data.size * data.size * 3;
  const batch = new Float32Array(batchSize * imageLength);
  for (let row = 0; row < batchSize; row++)
    batch.set(
      data.pixels.subarray((row % data.count) * imageLength, ((row % data.count) + 1) * imageLength),
      row * imageLength,
    );
  const images = tf.tensor4d(batch, [batchSize, data.size, data.size, 3]);
  try {
    const step = async () => (trainer ? trainer.step({ images }) : trainStepAsync(state, { images }));
    // Half of the time the timing may take for the warm-up, half for the timed steps.
    const halfLimitMs = Math.min(30, options.budgetSeconds * 0.05) * 500;
    const warmupStarted = performance.now();
    await step();
    let warmup = 1;
    while (warmup < (options.warmupSteps ?? 20) && performance.now() - warmupStarted < halfLimitMs) {
      await step();
      warmup++;
    }
    const started = performance.now();
    let timed = 0;
    while (timed < 3 || (timed < (options.timedSteps ?? 16) && performance.now() - started < halfLimitMs)) {
      await step();
      timed++;
    }
    const secondsPerStep = (performance.now() - started) / 1000 / timed;
    return {
      steps: Math.max(1, Math.floor((options.budgetSeconds * 0.97) / secondsPerStep)),
      secondsPerStep,
      warmupSteps: warmup,
      timedSteps: timed,
    };
  } finally {
    images.dispose();
    await trainer?.close();
    disposePretrainState(state);
  }
}
