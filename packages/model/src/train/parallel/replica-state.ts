import * as tf from '@tensorflow/tfjs-core';
import { namespaced, type PretrainState, studentParameters } from '../pretrain-state';

/** Every variable of a pretraining state under one name (what a replica must share to stay identical). */
export function replicaVariables(state: PretrainState): Record<string, tf.Variable> {
  const out: Record<string, tf.Variable> = {};
  for (const [name, v] of Object.entries(studentParameters(state))) out[`student.${name}`] = v;
  for (const [name, v] of Object.entries(namespaced(state.teacher))) out[`teacher.${name}`] = v;
  out['centre.dino'] = state.centres.dino;
  out['centre.ibot'] = state.centres.ibot;
  // Replicas share one layout, so the flat moment buckets travel as they are.
  state.optimizer.buckets.forEach((bucket, i) => {
    out[`adamw.m.bucket${i}`] = bucket.m;
    out[`adamw.v.bucket${i}`] = bucket.v;
  });
  return out;
}

export interface ReplicaSnapshot {
  step: number;
  optimizerStep: number;
  values: Record<string, Float32Array>;
}

export function snapshotReplica(state: PretrainState): ReplicaSnapshot {
  const values: Record<string, Float32Array> = {};
  for (const [name, v] of Object.entries(replicaVariables(state)))
    values[name] = v.dataSync() as Float32Array;
  return { step: state.step, optimizerStep: state.optimizer.step, values };
}

export function restoreReplica(state: PretrainState, snapshot: ReplicaSnapshot): void {
  const variables = replicaVariables(state);
  for (const [name, v] of Object.entries(variables)) {
    const value = snapshot.values[name];
    if (!value || value.length !== v.size)
      throw new Error(`parallel pretraining: replica variable ${name} missing or of another size`);
    tf.tidy(() => v.assign(tf.tensor(value, v.shape)));
  }
  state.step = snapshot.step;
  state.optimizer.step = snapshot.optimizerStep;
}

/** The gradients of one step as one flat array in `names` order (absent gradients are zeros), read in one go. */
export function flattenGradients(
  grads: Record<string, tf.Tensor>,
  names: string[],
  sizes: number[],
): Float32Array {
  const flat = tf.tidy(() =>
    tf.concat(names.map((name, i) => (grads[name] ? tf.reshape(grads[name], [-1]) : tf.zeros([sizes[i]])))),
  );
  const out = flat.dataSync() as Float32Array;
  flat.dispose();
  return out;
}

export function unflattenGradients(
  flat: Float32Array,
  names: string[],
  shapes: number[][],
): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  let offset = 0;
  names.forEach((name, i) => {
    const size = shapes[i].reduce((a, b) => a * b, 1);
    out[name] = tf.tensor(flat.subarray(offset, offset + size), shapes[i]);
    offset += size;
  });
  return out;
}
