import * as tf from '@tensorflow/tfjs-core';
import type { PretrainState } from '../pretrain-state';
import { studentParameters } from '../pretrain-state';
import { applyStepGradients, computeStepGradients } from '../train-step';
import type { AveragedGradients, ShardGradients, ShardInput } from './protocol';
import { flattenGradients, unflattenGradients } from './replica-state';

export interface GradientLayout {
  names: string[];
  shapes: number[][];
  sizes: number[];
}

export function gradientLayout(state: PretrainState): GradientLayout {
  const params = studentParameters(state);
  const names = Object.keys(params);
  const shapes = names.map((name) => [...params[name].shape]);
  return { names, shapes, sizes: shapes.map((s) => s.reduce((a, b) => a * b, 1)) };
}

/** One replica's half step on its shard of the batch: gradients as one flat array, plus the centre inputs. */
export function computeShard(
  state: PretrainState,
  shard: ShardInput,
  rank: number,
  layout: GradientLayout,
): ShardGradients {
  const images = tf.tensor4d(shard.images, shard.shape);
  const rows = shard.shape[0];
  const labels = shard.labels
    ? {
        targets: tf.tensor2d(shard.labels.targets, [rows, shard.labels.concepts]),
        labelSpace: tf.tensor2d(shard.labels.labelSpace, [rows, shard.labels.concepts]),
      }
    : undefined;
  try {
    const step = computeStepGradients(state, { images, labels }, { rank });
    const grads = flattenGradients(step.grads, layout.names, layout.sizes);
    const dino = step.centreInputs.dino.dataSync() as Float32Array;
    const ibot = step.centreInputs.ibot ? (step.centreInputs.ibot.dataSync() as Float32Array) : null;
    tf.dispose([
      ...Object.values(step.grads),
      step.centreInputs.dino,
      ...(step.centreInputs.ibot ? [step.centreInputs.ibot] : []),
    ]);
    return { grads, losses: step.losses, dino, ibot, rows, ibotRows: step.maskedPatches };
  } finally {
    tf.dispose(labels ? [images, labels.targets, labels.labelSpace] : [images]);
  }
}

/** Applies the averaged gradients exactly as every other replica does, so the replicas stay identical. */
export function applyAveraged(state: PretrainState, averaged: AveragedGradients, layout: GradientLayout) {
  const grads = unflattenGradients(averaged.grads, layout.names, layout.shapes);
  const K = (values: Float32Array) => tf.tensor2d(values, [1, values.length]);
  return applyStepGradients(state, {
    grads,
    centreInputs: { dino: K(averaged.dino), ibot: averaged.ibot ? K(averaged.ibot) : null },
  });
}

/** Mean of the replicas' results, each weighted by the rows it saw (masked patches for the iBOT centre). */
export function averageShards(
  results: ShardGradients[],
): AveragedGradients & { losses: ShardGradients['losses'] } {
  const rows = results.reduce((sum, r) => sum + r.rows, 0);
  const grads = new Float32Array(results[0].grads.length);
  const dino = new Float32Array(results[0].dino.length);
  const losses = { dino: 0, ibot: 0, koleo: 0, label: 0, total: 0 };
  for (const r of results) {
    const w = r.rows / rows;
    for (let i = 0; i < grads.length; i++) grads[i] += r.grads[i] * w;
    for (let i = 0; i < dino.length; i++) dino[i] += r.dino[i] * w;
    for (const key of Object.keys(losses) as (keyof typeof losses)[]) losses[key] += r.losses[key] * w;
  }
  const masked = results.filter((r) => r.ibot && r.ibotRows > 0);
  const ibotRows = masked.reduce((sum, r) => sum + r.ibotRows, 0);
  let ibot: Float32Array | null = null;
  if (ibotRows > 0) {
    ibot = new Float32Array(masked[0].ibot!.length);
    for (const r of masked)
      for (let i = 0; i < ibot.length; i++) ibot[i] += (r.ibot![i] * r.ibotRows) / ibotRows;
  }
  return { grads, dino, ibot, losses };
}
