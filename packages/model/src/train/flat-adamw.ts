import * as tf from '@tensorflow/tfjs-core';
import { nextId } from '../vit/create-vit';
import { defaultNoDecay } from './adamw';

/**
 * AdamW whose moments live in a few flat buffers instead of one variable per parameter: the parameters are grouped
 * into buckets (one clip group and one weight-decay choice each, at most `maxBucketSize` elements), and each bucket
 * is updated with a handful of kernels on its concatenated gradients. On wasm a kernel's dispatch costs about as
 * much as a small parameter's update, so this cuts the optimizer's share of a small model's step.
 */
export interface FlatBucket {
  /** Clip group (parameters whose gradients are clipped by one joint norm). */
  group: string;
  decay: boolean;
  names: string[];
  shapes: number[][];
  sizes: number[];
  size: number;
  m: tf.Variable;
  v: tf.Variable;
}

export interface FlatAdamWState {
  step: number;
  buckets: FlatBucket[];
}

export interface FlatAdamWLayoutOptions {
  /** Names that get no weight decay (biases, norms, LayerScale), as in DINOv2. */
  noDecay?: (name: string) => boolean;
  /** Clip group of a name (default: the text before the first dot, the module). */
  groupOf?: (name: string) => string;
  /** Elements per bucket: bounds the transient memory of an update (a larger parameter gets a bucket alone). */
  maxBucketSize?: number;
}

export const moduleOf = (name: string): string => name.slice(0, name.indexOf('.') + 1);

/**
 * 32 Ki elements (128 KB per flat buffer). Small on purpose: writing a bucket back is a tf.split, and the wasm
 * backend's slice copies its whole input into a new JavaScript array for every part, so a bucket of n parts costs n
 * copies of itself (and garbage collections). Parameters larger than this get a bucket alone.
 */
const MAX_BUCKET_SIZE = 1 << 15;

export function createFlatAdamW(
  params: Record<string, tf.Variable>,
  options: FlatAdamWLayoutOptions = {},
): FlatAdamWState {
  const noDecay = options.noDecay ?? defaultNoDecay;
  const groupOf = options.groupOf ?? moduleOf;
  const maxSize = options.maxBucketSize ?? MAX_BUCKET_SIZE;
  const open = new Map<string, Omit<FlatBucket, 'm' | 'v'>>();
  const layout: Omit<FlatBucket, 'm' | 'v'>[] = [];
  for (const [name, p] of Object.entries(params)) {
    const group = groupOf(name);
    const decay = !noDecay(name);
    const key = `${group}\u0000${decay}`;
    let bucket = open.get(key);
    if (!bucket || bucket.size + p.size > maxSize) {
      bucket = { group, decay, names: [], shapes: [], sizes: [], size: 0 };
      open.set(key, bucket);
      layout.push(bucket);
    }
    bucket.names.push(name);
    bucket.shapes.push([...p.shape]);
    bucket.sizes.push(p.size);
    bucket.size += p.size;
  }
  const buckets = layout.map((b) => ({
    ...b,
    m: tf.tidy(() => tf.variable(tf.zeros([b.size]), false, `adamw/m/${nextId()}`)),
    v: tf.tidy(() => tf.variable(tf.zeros([b.size]), false, `adamw/v/${nextId()}`)),
  }));
  return { step: 0, buckets };
}

export function disposeFlatAdamW(state: FlatAdamWState): void {
  tf.dispose(state.buckets.flatMap((b) => [b.m, b.v]));
}

/** The moments per parameter name (`m`, `v`), read asynchronously (webgpu cannot read synchronously). */
export async function readNamedMoments(
  state: FlatAdamWState,
): Promise<{ m: Record<string, Float32Array>; v: Record<string, Float32Array> }> {
  const out = { m: {} as Record<string, Float32Array>, v: {} as Record<string, Float32Array> };
  for (const bucket of state.buckets) {
    for (const kind of ['m', 'v'] as const) {
      const flat = (await bucket[kind].data()) as Float32Array;
      let offset = 0;
      bucket.names.forEach((name, i) => {
        out[kind][name] = flat.slice(offset, offset + bucket.sizes[i]);
        offset += bucket.sizes[i];
      });
    }
  }
  return out;
}

/** Sets the moments from per-name values (every name of the layout must be given, with its size). */
export function assignNamedMoments(
  state: FlatAdamWState,
  values: { m: Record<string, Float32Array>; v: Record<string, Float32Array> },
): void {
  for (const bucket of state.buckets) {
    for (const kind of ['m', 'v'] as const) {
      const flat = new Float32Array(bucket.size);
      let offset = 0;
      bucket.names.forEach((name, i) => {
        const value = values[kind][name];
        if (!value || value.length !== bucket.sizes[i])
          throw new Error(`AdamW ${kind} of ${name}: missing or of another size`);
        flat.set(value, offset);
        offset += bucket.sizes[i];
      });
      tf.tidy(() => bucket[kind].assign(tf.tensor1d(flat)));
    }
  }
}

/** Every name of the layout, in bucket order. */
export function flatAdamWNames(state: FlatAdamWState): string[] {
  return state.buckets.flatMap((b) => b.names);
}
