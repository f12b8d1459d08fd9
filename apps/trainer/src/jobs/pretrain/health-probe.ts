import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type CollapseVerdict,
  checkCollapse,
  disposePretrainState,
  measureRepresentationHealthAsync,
  type PretrainState,
  type RepresentationHealth,
} from '@dermino/model';
import * as tf from '@tensorflow/tfjs-core';
import { writeFileAtomic } from '../shared/artifacts.js';
import { findLatestCheckpoint, restoreRunCheckpoint } from './checkpoint-folder.js';

/** The probe set's size: enough rows for RankMe to see the width of `tiny` and ViT-S (min(N, D)). */
export const PROBE_IMAGES = 256;

export type HealthPoint = { step: number } & RepresentationHealth;

/**
 * The fixed probe set: up to `max` of the training images, evenly spaced in the order of their ids, so the same
 * dataset version gives the same probe images in every run and after every resume.
 */
export function chooseProbeImages(imageIds: readonly string[], max = PROBE_IMAGES): number[] {
  const order = imageIds
    .map((_, index) => index)
    .sort((a, b) => (imageIds[a] < imageIds[b] ? -1 : imageIds[a] > imageIds[b] ? 1 : a - b));
  if (order.length <= max) return order;
  return Array.from({ length: max }, (_, i) => order[Math.floor((i * order.length) / max)]);
}

export interface HealthProbe {
  /** Measures the state on the probe set and keeps the point (one per checkpoint step). */
  record(state: PretrainState): Promise<HealthPoint>;
  /** The points so far, oldest first. */
  points(): HealthPoint[];
  /** The final state's point (measured if the last checkpoint missed it) and the collapse verdict on it. */
  finish(
    state: PretrainState,
  ): Promise<{ points: HealthPoint[]; final: HealthPoint; verdict: CollapseVerdict }>;
  dispose(): void;
}

/**
 * A run's probe: the probe images as one tensor, and health.json in the run folder with a point per checkpoint,
 * written after each checkpoint, so a resumed run keeps the points measured before the crash.
 */
export async function createHealthProbe(options: {
  runDir: string;
  imageIds: readonly string[];
  /** [count, size, size, 3] in 0..1, in the order of imageIds. */
  pixels: Float32Array;
  size: number;
}): Promise<HealthProbe> {
  const { size } = options;
  const chosen = chooseProbeImages(options.imageIds);
  const length = size * size * 3;
  const data = new Float32Array(chosen.length * length);
  chosen.forEach((index, row) => {
    data.set(options.pixels.subarray(index * length, (index + 1) * length), row * length);
  });
  const images = tf.tensor4d(data, [chosen.length, size, size, 3]);
  const file = path.join(options.runDir, 'health.json');
  let points: HealthPoint[] = [];
  try {
    points = JSON.parse(await readFile(file, 'utf8')) as HealthPoint[];
  } catch {
    points = [];
  }
  const record = async (state: PretrainState) => {
    const point = { step: state.step, ...(await measureRepresentationHealthAsync(state, images)) };
    points = [...points.filter((p) => p.step !== state.step), point];
    await writeFileAtomic(file, JSON.stringify(points));
    return point;
  };
  // A crash between a checkpoint and its health point: measure the checkpoint the run resumes from, so a resumed
  // run keeps a point per checkpoint like an uninterrupted one.
  const latest = await findLatestCheckpoint(options.runDir);
  if (latest && !points.some((point) => point.step === latest.step)) {
    const { state } = await restoreRunCheckpoint(latest.dir);
    try {
      await record(state);
    } finally {
      disposePretrainState(state);
    }
    points.sort((a, b) => a.step - b.step);
  }
  return {
    record,
    points: () => points,
    async finish(state) {
      const final = points.find((point) => point.step === state.step) ?? (await record(state));
      return { points, final, verdict: checkCollapse(final) };
    },
    dispose: () => images.dispose(),
  };
}

/** One log line of a point: the four measures, with the scale each is read against. */
export function describeHealth(point: HealthPoint): string {
  return (
    `Health at step ${point.step} on ${point.probeImages} probe images: embedding std ${point.embeddingStd.toPrecision(3)} ` +
    `(x sqrt(${point.width}) = ${(point.embeddingStd * Math.sqrt(point.width)).toFixed(3)}), RankMe ${point.effectiveRank.toFixed(2)} of ${Math.min(point.width, point.probeImages)}, ` +
    `teacher entropy ${point.teacherEntropy.toFixed(3)} of ${Math.log(point.prototypes).toFixed(3)} nats, KL to the centre ${point.teacherCentreKl.toFixed(4)}.`
  );
}
