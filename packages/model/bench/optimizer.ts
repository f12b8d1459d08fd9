// Optimizer half of a tiny pretraining step: the flat-buffer AdamW + clip + EMA (`src/train/flat-update.ts`, what
// train-step runs) against the per-parameter code it replaced (below), alternating step by step in one process on
// the wasm backend, each on its own state. Kernels are counted with tf.profile on a separate, untimed step.
// Run alone: `npx tsx bench/optimizer.ts [--batch 32] [--steps 10]`.
import os from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { updateCentre } from '../src/losses/dino-loss';
import { type AdamWState, applyAdamW, clipByGlobalNormTensor, createAdamW } from '../src/train/adamw';
import { namespaced, type PretrainState, studentParameters } from '../src/train/pretrain-state';
import { scheduleAt } from '../src/train/schedules';
import {
  applyStepGradientTensors,
  computeStepGradientTensors,
  type StepGradientTensors,
} from '../src/train/train-step';

/** applyStepGradientTensors as it was before the flat buffers: a tidy and ~20 kernels per parameter tensor. */
function applyPerParameter(state: PretrainState, optimizer: AdamWState, gradients: StepGradientTensors) {
  const schedule = scheduleAt(state.config.schedule, state.step);
  const named = { ...gradients.grads };
  const { dino, ibot } = gradients.centreInputs;
  const gradNorm = tf.tidy(() => {
    let norm: tf.Scalar = tf.scalar(0);
    for (const prefix of ['backbone.', 'dino_head.', 'ibot_head.', 'label_head.']) {
      const group = Object.keys(named).filter((n) => n.startsWith(prefix));
      if (group.length && state.config.clipGrad > 0)
        norm = tf.add(norm, tf.square(clipByGlobalNormTensor(named, group, state.config.clipGrad)));
    }
    if (schedule.lastLayerFrozen)
      for (const n of Object.keys(named)) if (n.endsWith('last_layer.weight_v')) delete named[n];
    applyAdamW(studentParameters(state), named, optimizer, {
      lr: schedule.lr,
      weightDecay: schedule.weightDecay,
    });
    const source = namespaced(state.student);
    for (const [name, t] of Object.entries(namespaced(state.teacher)))
      tf.tidy(() => {
        t.assign(tf.add(tf.mul(t, schedule.momentum), tf.mul(source[name], 1 - schedule.momentum)));
      });
    state.centres.dino.assign(updateCentre(state.centres.dino, dino, state.config.centreMomentum));
    if (ibot) state.centres.ibot.assign(updateCentre(state.centres.ibot, ibot, state.config.centreMomentum));
    return tf.sqrt(norm) as tf.Scalar;
  });
  tf.dispose([...Object.values(gradients.grads), ...Object.values(named), dino, ...(ibot ? [ibot] : [])]);
  state.step += 1;
  return gradNorm;
}

interface Variant {
  name: string;
  state: PretrainState;
  apply: (gradients: StepGradientTensors) => tf.Scalar;
  stepMs: number[];
  optimizerMs: number[];
  /** Process CPU time of the optimizer half: fairer than wall time on shared cores (the wasm backend is 1 thread). */
  optimizerCpuMs: number[];
}

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function timedStep(variant: Variant, images: tf.Tensor4D): void {
  const start = performance.now();
  const gradients = computeStepGradientTensors(variant.state, { images });
  for (const loss of Object.values(gradients.losses)) loss.dataSync();
  const middle = performance.now();
  const middleCpu = cpuMs();
  const gradNorm = variant.apply(gradients);
  gradNorm.dataSync();
  const end = performance.now();
  variant.optimizerCpuMs.push(cpuMs() - middleCpu);
  tf.dispose([gradNorm, ...Object.values(gradients.losses)]);
  variant.stepMs.push(end - start);
  variant.optimizerMs.push(end - middle);
}

async function countKernels(variant: Variant, images: tf.Tensor4D) {
  let gradients!: StepGradientTensors;
  // tf.profile returns one shared object, overwritten by the next profile: read each count at once.
  const forward = (
    await tf.profile(() => {
      gradients = computeStepGradientTensors(variant.state, { images });
    })
  ).kernels.length;
  const optimizer = (await tf.profile(() => tf.dispose(variant.apply(gradients)))).kernels.length;
  tf.dispose(Object.values(gradients.losses));
  return { step: forward + optimizer, optimizer };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};
await tf.setBackend('wasm');
const { registerGradients } = await import('../src/register-gradients');
registerGradients();
const { createPretrainState, disposePretrainState } = await import('../src/train/pretrain-state');
const batch = arg('--batch') ?? 32;
const steps = arg('--steps') ?? 10;
const config = { vit: 'tiny' as const, schedule: { epochs: 10, stepsPerEpoch: 10 } };
const flatState = createPretrainState(config);
const oldState = createPretrainState(config);
const oldOptimizer = createAdamW(studentParameters(oldState));
const variants: Variant[] = [
  {
    name: 'per parameter (before)',
    state: oldState,
    apply: (g) => applyPerParameter(oldState, oldOptimizer, g),
    stepMs: [],
    optimizerMs: [],
    optimizerCpuMs: [],
  },
  {
    name: 'flat buffers (after)',
    state: flatState,
    apply: (g) => applyStepGradientTensors(flatState, g).gradNorm,
    stepMs: [],
    optimizerMs: [],
    optimizerCpuMs: [],
  },
];
const images = tf.randomUniform([batch, 32, 32, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
console.log(
  `load average ${load()} (${os.cpus().length} cores), tiny, batch ${batch}, ${steps} timed steps each`,
);
const kernels = [];
for (const variant of variants) kernels.push(await countKernels(variant, images));
for (const variant of variants) timedStep(variant, images); // warm-up
for (const variant of variants) [variant.stepMs, variant.optimizerMs, variant.optimizerCpuMs] = [[], [], []];
for (let i = 0; i < steps; i++)
  for (const variant of i % 2 ? [...variants].reverse() : variants) timedStep(variant, images);
console.log(
  '| tiny step (wasm, 1 thread) | kernels/step | optimizer kernels | step ms (median) | optimizer ms (median) | optimizer CPU ms (median) |',
);
console.log('|---|---|---|---|---|---|');
variants.forEach((variant, i) => {
  const cells = [
    variant.name,
    kernels[i].step,
    kernels[i].optimizer,
    median(variant.stepMs).toFixed(1),
    median(variant.optimizerMs).toFixed(1),
    median(variant.optimizerCpuMs).toFixed(1),
  ];
  console.log(`| ${cells.join(' | ')} |`);
});
console.log(`load average ${load()} after`);
tf.dispose([images, ...Object.values(oldOptimizer.m), ...Object.values(oldOptimizer.v)]);
disposePretrainState(flatState);
disposePretrainState(oldState);
