import * as tf from '@tensorflow/tfjs-core';
import { nextId } from '../vit/create-vit';

/** AdamW state kept as plain named variables so checkpoints can store and restore it exactly. */
export interface AdamWState {
  step: number;
  m: Record<string, tf.Variable>;
  v: Record<string, tf.Variable>;
}

export interface AdamWOptions {
  lr: number;
  weightDecay: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Names that get no weight decay (biases, norms, LayerScale), as in DINOv2. */
  noDecay?: (name: string) => boolean;
}

export function createAdamW(params: Record<string, tf.Variable>): AdamWState {
  const zerosLike = (p: tf.Variable, kind: string) =>
    tf.variable(tf.zerosLike(p), false, `adamw/${kind}/${nextId()}`);
  const m: Record<string, tf.Variable> = {};
  const v: Record<string, tf.Variable> = {};
  for (const [name, p] of Object.entries(params)) {
    m[name] = tf.tidy(() => zerosLike(p, 'm'));
    v[name] = tf.tidy(() => zerosLike(p, 'v'));
  }
  return { step: 0, m, v };
}

export const defaultNoDecay = (name: string): boolean =>
  name.endsWith('.bias') || /norm\d?\./.test(name) || /\.ls\d$/.test(name);

/** One decoupled-weight-decay Adam update (Loshchilov & Hutter) of every param that has a gradient. */
export function applyAdamW(
  params: Record<string, tf.Variable>,
  grads: Record<string, tf.Tensor>,
  state: AdamWState,
  options: AdamWOptions,
): void {
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const epsilon = options.epsilon ?? 1e-8;
  const noDecay = options.noDecay ?? defaultNoDecay;
  state.step += 1;
  const correction1 = 1 - beta1 ** state.step;
  const correction2 = 1 - beta2 ** state.step;
  // A tidy per parameter: one around the loop kept every parameter's temporaries (~8 copies of the model) alive
  // until the last one, the peak of a ViT-S step on wasm.
  for (const [name, grad] of Object.entries(grads)) {
    tf.tidy(() => {
      const p = params[name];
      if (!p) throw new Error(`applyAdamW: gradient for unknown parameter ${name}`);
      const m = tf.add(tf.mul(state.m[name], beta1), tf.mul(grad, 1 - beta1));
      const v = tf.add(tf.mul(state.v[name], beta2), tf.mul(tf.square(grad), 1 - beta2));
      state.m[name].assign(m);
      state.v[name].assign(v);
      const update = tf.div(tf.div(m, correction1), tf.add(tf.sqrt(tf.div(v, correction2)), epsilon));
      const decay = noDecay(name) ? 0 : options.weightDecay;
      const decayed = decay > 0 ? tf.mul(p, 1 - options.lr * decay) : p;
      p.assign(tf.sub(decayed, tf.mul(update, options.lr)));
    });
  }
}

/**
 * Scales a group of gradients so their joint L2 norm is at most `maxNorm`, on the device (no read back, so it runs
 * on webgpu, where reads are asynchronous); returns the norm before clipping, a scalar the caller disposes.
 */
export function clipByGlobalNormTensor(
  grads: Record<string, tf.Tensor>,
  names: string[],
  maxNorm: number,
): tf.Scalar {
  const norm = tf.tidy(() => tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n]))))) as tf.Scalar);
  // Exactly 1 at or below the limit, so unclipped gradients keep their values.
  const scale = tf.tidy(() =>
    tf.where(tf.greater(norm, maxNorm), tf.div(maxNorm, tf.add(norm, 1e-6)), tf.onesLike(norm)),
  );
  for (const n of names) {
    const scaled = tf.mul(grads[n], scale);
    grads[n].dispose();
    grads[n] = scaled;
  }
  scale.dispose();
  return norm;
}

/** clipByGlobalNormTensor with the norm read back (synchronous backends). */
export function clipByGlobalNorm(grads: Record<string, tf.Tensor>, names: string[], maxNorm: number): number {
  const norm = clipByGlobalNormTensor(grads, names, maxNorm);
  const value = norm.dataSync()[0];
  norm.dispose();
  return value;
}
