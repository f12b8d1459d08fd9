import * as tf from '@tensorflow/tfjs-core';
import {
  type ConceptEmbeddings,
  createParallelTrainer,
  createPretrainState,
  disposePretrainState,
  type PretrainConfigInput,
  type PretrainState,
  type ReplicaBackend,
  type StepLog,
  setVitWeights,
  trainStepAsync,
  type WeightMap,
} from '@dermino/model';
import { createBatchSampler } from './batch-sampler.js';
import { type CurvePoint, findLatestCheckpoint, restoreRunCheckpoint, saveRunCheckpoint } from './checkpoint-folder.js';

export interface PretrainData {
  /** [count, size, size, 3] in 0..1. */
  pixels: Float32Array;
  count: number;
  size: number;
  /** Per image, the index of its concept in `concepts`, or -1 when unlabelled. */
  labels?: { concepts: string[]; embeddings: ConceptEmbeddings; labelOf: Int32Array };
}

export interface PretrainRunOptions {
  data: PretrainData;
  config: PretrainConfigInput;
  steps: number;
  batchSize: number;
  checkpointEvery: number;
  /** Folder of the run's checkpoints; an existing one is resumed from its latest checkpoint. */
  runDir: string;
  /** Data-parallel replicas over worker threads (the batch is split between them); absent or 1: this thread only. */
  parallel?: { replicas: number; backend: ReplicaBackend | null };
  /** Stop (with a checkpoint) once this many seconds of training have passed, whatever the step. */
  maxSeconds?: number;
  /** Called after every step; may throw to stop (a cancelled job). */
  onStep?: (log: StepLog, info: { imagesPerSecond: number; resumedFrom: number }) => Promise<void> | void;
  /** Called after each checkpoint with the live state (read it, do not keep it). */
  onCheckpoint?: (step: number, dir: string, state: PretrainState) => Promise<void> | void;
  /** A fresh run starts student and teacher from these backbone weights (continued pretraining); a resumed run ignores them. */
  initialBackbone?: WeightMap;
}

export interface PretrainRunResult {
  state: PretrainState;
  curve: CurvePoint[];
  resumedFrom: number;
  finalCheckpoint: string;
  /** Training images per second over the steps run in this call (data assembly included). */
  imagesPerSecond: number;
}

/**
 * The pretraining loop shared by the PRETRAIN job and `dermino pretrain`: deterministic batches per step, a
 * checkpoint every N steps and at the end, resume from the latest checkpoint. The caller disposes result.state.
 */
export async function runPretraining(options: PretrainRunOptions): Promise<PretrainRunResult> {
  const { data, steps, batchSize } = options;
  const latest = await findLatestCheckpoint(options.runDir);
  let state: PretrainState;
  let curve: CurvePoint[] = [];
  if (latest) {
    ({ state, curve } = await restoreRunCheckpoint(latest.dir));
  } else {
    state = createPretrainState(options.config, { conceptEmbeddings: data.labels?.embeddings });
    if (options.initialBackbone) {
      try {
        setVitWeights(state.student.backbone, options.initialBackbone);
        setVitWeights(state.teacher.backbone, options.initialBackbone);
      } catch (error) {
        disposePretrainState(state);
        throw error;
      }
    }
  }
  const resumedFrom = state.step;
  const sampler = createBatchSampler(data.count, batchSize, state.config.seed);
  const imageLength = data.size * data.size * 3;
  const concepts = data.labels?.concepts.length ?? 0;
  const started = performance.now();
  let finalCheckpoint = latest?.dir ?? '';
  const replicas = Math.min(options.parallel?.backend ? options.parallel.replicas : 1, Math.floor(batchSize / 2));
  let trainer: Awaited<ReturnType<typeof createParallelTrainer>> | null = null;
  try {
    if (replicas > 1)
      trainer = await createParallelTrainer(state, { replicas, backend: options.parallel!.backend!, conceptEmbeddings: data.labels?.embeddings });
    while (state.step < steps) {
      const indices = sampler(state.step);
      const batchPixels = new Float32Array(indices.length * imageLength);
      indices.forEach((index, row) => batchPixels.set(data.pixels.subarray(index * imageLength, (index + 1) * imageLength), row * imageLength));
      const images = tf.tensor4d(batchPixels, [indices.length, data.size, data.size, 3]);
      let labels: { targets: tf.Tensor2D; labelSpace: tf.Tensor2D } | undefined;
      if (data.labels && concepts > 0) {
        const targets = new Float32Array(indices.length * concepts);
        const space = new Float32Array(indices.length * concepts);
        indices.forEach((index, row) => {
          const label = data.labels!.labelOf[index];
          if (label < 0) return;
          targets[row * concepts + label] = 1;
          space.fill(1, row * concepts, (row + 1) * concepts);
        });
        labels = { targets: tf.tensor2d(targets, [indices.length, concepts]), labelSpace: tf.tensor2d(space, [indices.length, concepts]) };
      }
      let log: StepLog;
      try {
        log = trainer ? await trainer.step({ images, labels }) : await trainStepAsync(state, { images, labels });
      } finally {
        tf.dispose(labels ? [images, labels.targets, labels.labelSpace] : [images]);
      }
      curve.push({ step: state.step, ...log.losses, lr: log.lr });
      const seconds = (performance.now() - started) / 1000;
      await options.onStep?.(log, { imagesPerSecond: ((state.step - resumedFrom) * batchSize) / seconds, resumedFrom });
      const outOfTime = options.maxSeconds !== undefined && seconds >= options.maxSeconds;
      if (state.step % options.checkpointEvery === 0 || state.step === steps || outOfTime) {
        finalCheckpoint = await saveRunCheckpoint(options.runDir, state, curve);
        await options.onCheckpoint?.(state.step, finalCheckpoint, state);
      }
      if (outOfTime) break;
    }
  } catch (error) {
    disposePretrainState(state);
    throw error;
  } finally {
    await trainer?.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const imagesPerSecond = state.step > resumedFrom ? ((state.step - resumedFrom) * batchSize) / seconds : 0;
  return { state, curve, resumedFrom, finalCheckpoint, imagesPerSecond };
}

/** Schedule "epochs" are tenths of the run, so warm-ups scale with any step budget (overridable in the config). */
export function scheduleForSteps(steps: number) {
  return {
    epochs: 10,
    stepsPerEpoch: Math.max(1, Math.ceil(steps / 10)),
    warmupEpochs: 1,
    teacherTemperatureWarmupEpochs: 3,
    freezeLastLayerEpochs: 1,
  };
}
