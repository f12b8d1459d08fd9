import {
  createPretrainState,
  deriveConceptEmbeddings,
  disposePretrainState,
  type PretrainConfigInput,
  registerGradients,
  type StepLog,
  studentParameters,
  trainStepAsync,
} from '@dermino/model';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './select-backend.js';
import { webGpuErrors } from './webgpu-backend.js';

// Three steps of the tiny preset, batch 4, 2 local crops, with labels (so every loss and its gradient runs), on
// webgpu (in CI: Dawn's CPU adapter, Mesa's llvmpipe through OpenGL ES) and on wasm from the same seed.
// Step 0 has lr 0 and frozen prototypes; steps 1-2 move every student weight, the teacher (EMA) and the centres.
const CONFIG: PretrainConfigInput = {
  vit: 'tiny',
  crops: { localCrops: 2 },
  seed: 7,
  schedule: { epochs: 3, stepsPerEpoch: 1, warmupEpochs: 1, teacherTemperatureWarmupEpochs: 1, lr: 1e-3 },
};
const CONCEPTS = deriveConceptEmbeddings(
  [{ code: 'benign' }, { code: 'nv', parent: 'benign' }, { code: 'mel' }],
  64,
);
const BATCH = 4;

// Measured on 2026-12-07 (llvmpipe, Mesa 22.3.6, against wasm; seeds 7 and 3): the losses and gradient norms of the
// 3 steps differ by at most 3.6e-5 relative (KoLeo, the log of nearest-neighbour distances, is the most sensitive;
// the others by <= 2e-6), and each tensor's 3-step change by at most 1.5e-3 (relative L2: float32 kernels summing in
// another order, Adam amplifying the noise of near-zero gradients). Tolerances: 1e-3 and 2e-2, margins above 13x;
// a wrong kernel is far above (AddN's rejected pipeline gave gradient norms off by orders of magnitude).
const LOSS_TOLERANCE = 1e-3;
const UPDATE_TOLERANCE = 2e-2;

function batchFor(size: number) {
  let seed = 12345;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const pixels = Float32Array.from({ length: BATCH * size * size * 3 }, next);
  return {
    images: tf.tensor4d(pixels, [BATCH, size, size, 3]),
    labels: {
      targets: tf.tensor2d([1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0], [BATCH, 3]),
      labelSpace: tf.tensor2d([1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0], [BATCH, 3]),
    },
  };
}

type Weights = Record<string, Float32Array>;

async function threeSteps(): Promise<{ logs: StepLog[]; before: Weights; after: Weights }> {
  registerGradients();
  const state = createPretrainState(CONFIG, { conceptEmbeddings: CONCEPTS });
  const batch = batchFor(state.config.vit.imageSize);
  // The student's parameters, and the teacher's EMA and centre, which the step updates from them.
  const read = async () => {
    const tensors: Record<string, tf.Tensor> = {
      ...studentParameters(state),
      'centre.dino': state.centres.dino,
    };
    for (const [name, value] of Object.entries(state.teacher.backbone.weights))
      tensors[`teacher.${name}`] = value;
    const out: Weights = {};
    for (const [name, value] of Object.entries(tensors)) out[name] = (await value.data()) as Float32Array;
    return out;
  };
  const before = await read();
  const logs: StepLog[] = [];
  for (let step = 0; step < 3; step++) logs.push(await trainStepAsync(state, batch));
  const after = await read();
  tf.dispose([batch.images, batch.labels.targets, batch.labels.labelSpace]);
  disposePretrainState(state);
  return { logs, before, after };
}

/** Per tensor: |change on webgpu - change on wasm| / |change on wasm| (L2), and the size of the wasm change. */
function updateGaps(gpu: { before: Weights; after: Weights }, wasm: { before: Weights; after: Weights }) {
  return Object.keys(wasm.after).map((name) => {
    const [a0, a1, b0, b1] = [wasm.before[name], wasm.after[name], gpu.before[name], gpu.after[name]];
    expect(b1?.length, name).toBe(a1.length);
    let gap = 0;
    let change = 0;
    for (let i = 0; i < a1.length; i++) {
      gap += (b1[i] - b0[i] - (a1[i] - a0[i])) ** 2;
      change += (a1[i] - a0[i]) ** 2;
    }
    return { name, relative: Math.sqrt(gap / change), change: Math.sqrt(change) };
  });
}

describe('webgpu parity with wasm', () => {
  it('3 training steps of the tiny preset give the same losses and weights on webgpu and wasm', async () => {
    // No skip: CI must have the adapter (.ci/run installs libegl1 libgles2 libegl-mesa0); without it this fails
    // with the reason selectBackend gives.
    const selected = await selectBackend({ forced: 'webgpu' });
    expect(selected.adapter, 'the adapter is reported').toBeDefined();
    const gpu = await threeSteps();
    expect(webGpuErrors(), 'no WebGPU validation error (a kernel that did not run)').toEqual([]);

    await import('@tensorflow/tfjs-backend-wasm');
    await tf.setBackend('wasm');
    const wasm = await threeSteps();

    // Every loss of every step, and the gradient norm, relative to its value.
    let lossGap = 0;
    for (let step = 0; step < 3; step++) {
      const pairs: [number, number][] = Object.entries(wasm.logs[step].losses).map(([name, value]) => [
        value,
        gpu.logs[step].losses[name as keyof StepLog['losses']],
      ]);
      pairs.push([wasm.logs[step].gradNorm, gpu.logs[step].gradNorm]);
      for (const [a, b] of pairs) lossGap = Math.max(lossGap, Math.abs(b - a) / Math.max(1e-3, Math.abs(a)));
    }
    // Same initial weights (the seeded initialiser runs in JavaScript), so only the training changes can differ.
    for (const [name, values] of Object.entries(wasm.before)) expect(gpu.before[name], name).toEqual(values);
    const gaps = updateGaps(gpu, wasm);
    const worst = gaps.reduce((a, b) => (b.relative > a.relative ? b : a));
    console.log(
      `webgpu vs wasm, 3 steps: losses ${lossGap.toExponential(2)} relative; weight changes ${worst.relative.toExponential(2)} relative (${worst.name})`,
    );
    expect(wasm.logs[0].losses.label, 'the label loss runs').toBeGreaterThan(0);
    // Every compared tensor was changed by training (NaN ratios would pass nothing).
    expect(gaps.filter((gap) => !(gap.change > 0)).map((gap) => gap.name)).toEqual([]);
    expect(lossGap).toBeLessThan(LOSS_TOLERANCE);
    expect(worst.relative).toBeLessThan(UPDATE_TOLERANCE);
  });

  it('a synchronous read of a tensor on the GPU fails saying why (Node has no canvas); an asynchronous one works', async () => {
    await selectBackend({ forced: 'webgpu' });
    await tf.setBackend('webgpu');
    // Above tfjs' CPU hand-off size (1,000 values), so it runs, and stays, on the GPU.
    const onGpu = tf.add(tf.ones([4096]), tf.scalar(1));
    expect(() => onGpu.dataSync()).toThrow(/^the webgpu backend cannot read a tensor synchronously in Node/);
    expect(Array.from((await onGpu.data()).slice(0, 2))).toEqual([2, 2]);
    onGpu.dispose();
  });
});
