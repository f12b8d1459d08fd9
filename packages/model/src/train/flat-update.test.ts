import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { type AdamWState, applyAdamW, clipByGlobalNormTensor, createAdamW } from './adamw';
import { createFlatAdamW, type FlatAdamWState, readNamedMoments } from './flat-adamw';
import { applyFlatUpdate } from './flat-update';

// Clip groups of 2 and 3 buckets, decay and no-decay names (bias, norm, LayerScale), a label head without teacher.
const SHAPES: Record<string, number[]> = {
  'backbone.patch.weight': [3, 4],
  'backbone.patch.bias': [4],
  'backbone.blocks.0.norm1.weight': [4],
  'backbone.blocks.0.ls1': [4],
  'backbone.blocks.0.fc.weight': [5, 2],
  'dino_head.mlp.0.weight': [4, 3],
  'dino_head.mlp.0.bias': [3],
  'dino_head.last_layer.weight_v': [3, 2],
  'label_head.weight': [4, 2],
  'label_head.bias': [2],
};
const names = Object.keys(SHAPES);
const hasTeacher = (name: string) => !name.startsWith('label_head.');

interface Copy {
  params: Record<string, tf.Variable>;
  teacher: Record<string, tf.Variable>;
}

function makeCopy(): Copy {
  const params: Record<string, tf.Variable> = {};
  const teacher: Record<string, tf.Variable> = {};
  names.forEach((name, i) => {
    params[name] = tf.variable(tf.randomNormal(SHAPES[name], 0, 1, 'float32', i + 1));
    if (hasTeacher(name)) teacher[name] = tf.variable(tf.randomNormal(SHAPES[name], 0, 1, 'float32', i + 50));
  });
  return { params, teacher };
}

interface StepPlan {
  lr: number;
  weightDecay: number;
  momentum: number;
  missing: string[];
  frozen: boolean;
  gradScale: number;
}

const PLAN: StepPlan[] = [
  { lr: 0.01, weightDecay: 0.04, momentum: 0.99, missing: [], frozen: true, gradScale: 3 },
  {
    lr: 0.02,
    weightDecay: 0.05,
    momentum: 0.992,
    missing: ['label_head.weight', 'label_head.bias'],
    frozen: true,
    gradScale: 0.1,
  },
  {
    lr: 0.015,
    weightDecay: 0.1,
    momentum: 0.995,
    missing: ['backbone.blocks.0.ls1'],
    frozen: false,
    gradScale: 2,
  },
  { lr: 0.005, weightDecay: 0.2, momentum: 0.999, missing: [], frozen: false, gradScale: 0.2 },
];

function gradients(step: number, plan: StepPlan): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  names.forEach((name, i) => {
    if (!plan.missing.includes(name))
      out[name] = tf.tidy(() =>
        tf.mul(tf.randomNormal(SHAPES[name], 0, 1, 'float32', 1000 * step + i + 1), plan.gradScale),
      );
  });
  return out;
}

/** The per-parameter step as train-step ran it before the flat buffers: clip per module, AdamW, EMA. */
function referenceStep(
  copy: Copy,
  optimizer: AdamWState,
  grads: Record<string, tf.Tensor>,
  plan: StepPlan,
  clipGrad: number,
) {
  const named = { ...grads };
  const norm = tf.tidy(() => {
    let total: tf.Scalar = tf.scalar(0);
    for (const prefix of ['backbone.', 'dino_head.', 'ibot_head.', 'label_head.']) {
      const group = Object.keys(named).filter((n) => n.startsWith(prefix));
      if (group.length && clipGrad > 0)
        total = tf.add(total, tf.square(clipByGlobalNormTensor(named, group, clipGrad)));
    }
    if (plan.frozen)
      for (const n of Object.keys(named)) if (n.endsWith('last_layer.weight_v')) delete named[n];
    applyAdamW(copy.params, named, optimizer, { lr: plan.lr, weightDecay: plan.weightDecay });
    for (const [name, t] of Object.entries(copy.teacher))
      tf.tidy(() => t.assign(tf.add(tf.mul(t, plan.momentum), tf.mul(copy.params[name], 1 - plan.momentum))));
    return tf.sqrt(total);
  });
  tf.dispose([...Object.values(grads), ...Object.values(named)]);
  return norm;
}

function flatStep(
  copy: Copy,
  optimizer: FlatAdamWState,
  grads: Record<string, tf.Tensor>,
  plan: StepPlan,
  clipGrad: number,
) {
  return applyFlatUpdate(copy.params, grads, optimizer, {
    lr: plan.lr,
    weightDecay: plan.weightDecay,
    clipGrad,
    frozen: (name) => plan.frozen && name.endsWith('last_layer.weight_v'),
    ema: { teacher: copy.teacher, momentum: plan.momentum },
  });
}

/** Largest |a - b| / max(|b|, 1e-3) over two lists of tensors' values. */
function relativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++)
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-3));
  return worst;
}

async function compare(clipGrad: number): Promise<{ worst: number; norms: number[][] }> {
  const reference = makeCopy();
  const flat = makeCopy();
  const namedOptimizer = createAdamW(reference.params);
  // Small buckets: every clip group spans several buckets.
  const flatOptimizer = createFlatAdamW(flat.params, { maxBucketSize: 16 });
  let worst = 0;
  const norms: number[][] = [];
  const before = tf.memory().numTensors;
  for (const [step, plan] of PLAN.entries()) {
    const a = referenceStep(reference, namedOptimizer, gradients(step, plan), plan, clipGrad);
    const b = flatStep(flat, flatOptimizer, gradients(step, plan), plan, clipGrad);
    norms.push([a.dataSync()[0], b.dataSync()[0]]);
    tf.dispose([a, b]);
    const moments = await readNamedMoments(flatOptimizer);
    for (const name of names) {
      worst = Math.max(
        worst,
        relativeDifference(flat.params[name].dataSync(), reference.params[name].dataSync()),
      );
      worst = Math.max(worst, relativeDifference(moments.m[name], namedOptimizer.m[name].dataSync()));
      worst = Math.max(worst, relativeDifference(moments.v[name], namedOptimizer.v[name].dataSync()));
      if (hasTeacher(name))
        worst = Math.max(
          worst,
          relativeDifference(flat.teacher[name].dataSync(), reference.teacher[name].dataSync()),
        );
    }
  }
  expect(tf.memory().numTensors).toBe(before);
  expect(flatOptimizer.step).toBe(namedOptimizer.step);
  tf.dispose([
    ...Object.values(reference.params),
    ...Object.values(reference.teacher),
    ...Object.values(flat.params),
    ...Object.values(flat.teacher),
    ...Object.values(namedOptimizer.m),
    ...Object.values(namedOptimizer.v),
    ...flatOptimizer.buckets.flatMap((bucket) => [bucket.m, bucket.v]),
  ]);
  return { worst, norms };
}

describe('applyFlatUpdate', () => {
  beforeAll(() => useTestBackend());

  it('puts each clip group and decay choice in its own buckets, split at the size limit', () => {
    const { params } = makeCopy();
    const state = createFlatAdamW(params, { maxBucketSize: 16 });
    const layout = state.buckets.map(
      (b) => `${b.group}${b.decay ? 'decay' : 'no-decay'}:${b.names.length}/${b.size}`,
    );
    expect(layout).toEqual([
      'backbone.decay:1/12',
      'backbone.no-decay:3/12',
      'backbone.decay:1/10',
      'dino_head.decay:1/12',
      'dino_head.no-decay:1/3',
      'dino_head.decay:1/6',
      'label_head.decay:1/8',
      'label_head.no-decay:1/2',
    ]);
    tf.dispose([...Object.values(params), ...state.buckets.flatMap((b) => [b.m, b.v])]);
  });

  it('equals the per-parameter AdamW + EMA exactly without clipping (missing, frozen, decay and no-decay names)', async () => {
    const { worst, norms } = await compare(0);
    expect(worst).toBe(0);
    expect(norms.every(([a, b]) => a === 0 && b === 0)).toBe(true);
  });

  it('equals it within 1e-6 relative with per-module clipping, and returns the same gradient norm', async () => {
    const { worst, norms } = await compare(1);
    expect(worst).toBeLessThan(1e-6);
    for (const [a, b] of norms) expect(Math.abs(a - b) / a).toBeLessThan(1e-6);
    // The plan clips some steps (norm above 1) and not others.
    expect(norms.some(([a]) => a > 1.5) && norms.some(([a]) => a < 1)).toBe(true);
  });

  it('rejects a gradient for a parameter it does not know', () => {
    const copy = makeCopy();
    const state = createFlatAdamW(copy.params);
    const stray = { 'backbone.nope': tf.zeros([2]) };
    expect(() =>
      applyFlatUpdate(copy.params, stray, state, { lr: 0.1, weightDecay: 0, clipGrad: 0 }),
    ).toThrow(/gradient for unknown parameter backbone.nope/);
    tf.dispose([...Object.values(stray), ...Object.values(copy.params), ...Object.values(copy.teacher)]);
    tf.dispose(state.buckets.flatMap((b) => [b.m, b.v]));
  });
});
