import * as tf from '@tensorflow/tfjs-core';
import type { FlatAdamWState, FlatBucket } from './flat-adamw';

export interface FlatUpdateOptions {
  lr: number;
  weightDecay: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Joint L2 norm limit of each bucket group's gradients; 0 = no clipping. */
  clipGrad: number;
  /** Names whose gradients count in the clip norm but are not applied (the frozen last layer). */
  frozen?: (name: string) => boolean;
  /** Teacher EMA after the update: teacher <- momentum * teacher + (1 - momentum) * student, by student name. */
  ema?: { teacher: Record<string, tf.Variable>; momentum: number };
}

const flatten = (t: tf.Tensor): tf.Tensor1D => (t.rank === 1 ? t : tf.reshape(t, [-1])) as tf.Tensor1D;

/** One bucket's tensors as one flat tensor (the caller disposes it). */
function concatBucket(bucket: FlatBucket, pick: (name: string, i: number) => tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const parts = bucket.names.map((name, i) => flatten(pick(name, i)));
    return parts.length === 1 ? tf.clone(parts[0]) : tf.concat(parts);
  });
}

/** Writes a flat tensor back into the bucket's variables, one split part each. */
function splitAssign(bucket: FlatBucket, flat: tf.Tensor1D, targets: Record<string, tf.Variable>): void {
  tf.tidy(() => {
    const parts = bucket.names.length === 1 ? [flat] : tf.split(flat, bucket.sizes);
    bucket.names.forEach((name, i) => {
      const part = parts[i];
      targets[name].assign(part.rank === bucket.shapes[i].length ? part : tf.reshape(part, bucket.shapes[i]));
    });
  });
}

/** 1 where the bucket's parameter is updated this step, or null when all are. */
function activeMask(bucket: FlatBucket, active: boolean[]): tf.Tensor1D | null {
  if (active.every(Boolean)) return null;
  const mask = new Uint8Array(bucket.size);
  let offset = 0;
  active.forEach((on, i) => {
    if (on) mask.fill(1, offset, offset + bucket.sizes[i]);
    offset += bucket.sizes[i];
  });
  return tf.tensor1d(mask, 'bool');
}

/**
 * Gradient clipping per group, AdamW (decoupled weight decay) and the optional teacher EMA on flat buffers, with
 * the same float32 operations, in the same order, as `clipByGlobalNormTensor` + `applyAdamW` + the EMA per parameter
 * (only the clip norm's summation order differs; `flat-update.test.ts` compares them). A parameter without a gradient, or frozen, keeps its
 * value and moments. Disposes `grads`; returns the norm before clipping (sqrt of the sum of the groups' squared
 * norms; 0 without clipping), a scalar the caller disposes. Reads nothing back (runs on webgpu).
 */
export function applyFlatUpdate(
  params: Record<string, tf.Variable>,
  grads: Record<string, tf.Tensor>,
  state: FlatAdamWState,
  options: FlatUpdateOptions,
): tf.Scalar {
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const epsilon = options.epsilon ?? 1e-8;
  const known = new Set(state.buckets.flatMap((b) => b.names));
  for (const name of Object.keys(grads))
    if (!known.has(name) || !params[name])
      throw new Error(`applyFlatUpdate: gradient for unknown parameter ${name}`);
  state.step += 1;
  const correction1 = 1 - beta1 ** state.step;
  const correction2 = 1 - beta2 ** state.step;
  // Pass 1: flat gradients (each bucket's originals freed at once, so the gradients are never held twice), and
  // their squared norms per group.
  const flatGrads = state.buckets.map((bucket) => {
    if (!bucket.names.some((n) => grads[n])) return null;
    const flat = concatBucket(bucket, (n, i) => grads[n] ?? tf.zeros([bucket.sizes[i]]));
    tf.dispose(bucket.names.flatMap((n) => (grads[n] ? [grads[n]] : [])));
    return flat;
  });
  const scales = new Map<string, tf.Scalar>();
  const gradNorm = tf.tidy(() => {
    let total: tf.Scalar = tf.scalar(0);
    if (options.clipGrad <= 0) return total;
    for (const group of new Set(state.buckets.map((b) => b.group))) {
      const squares = flatGrads.flatMap((g, b) =>
        g && state.buckets[b].group === group ? [tf.sum(tf.square(g))] : [],
      );
      if (!squares.length) continue;
      const norm = tf.sqrt(squares.length === 1 ? squares[0] : tf.addN(squares)) as tf.Scalar;
      // Exactly 1 at or below the limit, so unclipped gradients keep their values.
      const scale = tf.where(
        tf.greater(norm, options.clipGrad),
        tf.div(options.clipGrad, tf.add(norm, 1e-6)),
        tf.onesLike(norm),
      );
      scales.set(group, tf.keep(scale) as tf.Scalar);
      total = tf.add(total, tf.square(norm));
    }
    return tf.sqrt(total) as tf.Scalar;
  });
  // Pass 2: one bucket at a time, so only one bucket's temporaries exist at once.
  state.buckets.forEach((bucket, b) => {
    const raw = flatGrads[b];
    let student: tf.Tensor1D | null = null;
    if (raw) {
      const scale = scales.get(bucket.group);
      const g = scale ? tf.tidy(() => tf.mul(raw, scale) as tf.Tensor1D) : raw;
      if (g !== raw) raw.dispose();
      const active = bucket.names.map((n) => Boolean(grads[n]) && !options.frozen?.(n));
      const mask = activeMask(bucket, active);
      const keepOld = (next: tf.Tensor1D, old: tf.Tensor1D) =>
        mask ? (tf.where(mask, next, old) as tf.Tensor1D) : next;
      if (active.some(Boolean)) {
        // One tidy per moment: only a few bucket-sized temporaries at a time (a 65,536-prototype layer is 64 MB).
        tf.tidy(() => {
          const m = tf.add(tf.mul(bucket.m, beta1), tf.mul(g, 1 - beta1)) as tf.Tensor1D;
          bucket.m.assign(keepOld(m, bucket.m as tf.Tensor1D));
        });
        tf.tidy(() => {
          const v = tf.add(tf.mul(bucket.v, beta2), tf.mul(tf.square(g), 1 - beta2)) as tf.Tensor1D;
          bucket.v.assign(keepOld(v, bucket.v as tf.Tensor1D));
        });
        // Entries kept at their old moments are discarded below (keepOld on the parameters).
        const update = tf.tidy(() =>
          tf.div(tf.div(bucket.m, correction1), tf.add(tf.sqrt(tf.div(bucket.v, correction2)), epsilon)),
        );
        const p = concatBucket(bucket, (n) => params[n]);
        student = tf.tidy(() => {
          const decayed =
            bucket.decay && options.weightDecay > 0 ? tf.mul(p, 1 - options.lr * options.weightDecay) : p;
          return keepOld(tf.sub(decayed, tf.mul(update, options.lr)) as tf.Tensor1D, p);
        });
        tf.dispose([update, p]);
        splitAssign(bucket, student, params);
      }
      tf.dispose([g, ...(mask ? [mask] : [])]);
    }
    const ema = options.ema;
    if (ema && bucket.names.every((n) => ema.teacher[n])) {
      const s = student ?? concatBucket(bucket, (n) => params[n]);
      const t = concatBucket(bucket, (n) => ema.teacher[n]);
      const next = tf.tidy(() => tf.add(tf.mul(t, ema.momentum), tf.mul(s, 1 - ema.momentum)) as tf.Tensor1D);
      splitAssign(bucket, next, ema.teacher);
      tf.dispose([s, t, next]);
    } else student?.dispose();
  });
  tf.dispose([...scales.values()]);
  return gradNorm;
}
