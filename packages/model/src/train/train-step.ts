import * as tf from '@tensorflow/tfjs-core';
import { multiCrop } from '../augment/multi-crop';
import { labelHeadForward } from '../heads/label-head';
import { headBottleneck, headForward } from '../heads/projection-head';
import { dinoLoss, sinkhornKnopp, teacherSoftmaxCentred, updateCentre } from '../losses/dino-loss';
import { ibotLoss, type MaskedPositions, maskedPositions } from '../losses/ibot-loss';
import { koleoLoss } from '../losses/koleo-loss';
import { labelLoss } from '../losses/label-loss';
import { sampleMasks } from '../masking/block-mask';
import { selectRows } from '../nn/select-rows';
import { createRng, type Rng } from '../random';
import { vitForward } from '../vit/vit-forward';
import { applyFlatUpdate } from './flat-update';
import { namespaced, type PretrainState, studentParameters } from './pretrain-state';
import { type ScheduleValues, scheduleAt } from './schedules';

export interface PretrainBatch {
  /** [B, H, W, 3] images with values in 0..1 (not yet normalised). */
  images: tf.Tensor4D;
  /** Optional concept labels aligned with the label head's concepts; rows of zeros in labelSpace = unlabelled. */
  labels?: { targets: tf.Tensor2D; labelSpace: tf.Tensor2D };
}

export interface StepLog extends ScheduleValues {
  step: number;
  losses: { dino: number; ibot: number; koleo: number; label: number; total: number };
  gradNorm: number;
}

function teacherTargets(
  state: PretrainState,
  views: tf.Tensor4D,
  positions: MaskedPositions,
  temperature: number,
) {
  const { config, teacher, centres } = state;
  const out = vitForward(teacher.backbone, views);
  const dinoLogits = headForward(teacher.dinoHead, out.cls);
  const [rows, tokens, width] = out.patches.shape;
  const patchRows = tf.reshape(out.patches, [rows * tokens, width]) as tf.Tensor2D;
  const ibotLogits = headForward(
    teacher.ibotHead,
    tf.gather(patchRows, tf.tensor1d(positions.indices, 'int32')),
  );
  const target = (logits: tf.Tensor2D, centre: tf.Tensor) =>
    config.centring === 'sinkhorn'
      ? sinkhornKnopp(logits, temperature)
      : teacherSoftmaxCentred(logits, centre, temperature);
  // The centre updates need only the batch means: the [M, K] logits are not kept past this tidy.
  return {
    dinoMean: tf.mean(dinoLogits, 0, true) as tf.Tensor2D,
    ibotMean: tf.mean(ibotLogits, 0, true) as tf.Tensor2D,
    dinoProbs: target(dinoLogits, centres.dino),
    ibotProbs: target(ibotLogits, centres.ibot),
  };
}

interface LossParts {
  dino: tf.Scalar;
  ibot: tf.Scalar;
  koleo: tf.Scalar;
  label: tf.Scalar;
}

function studentLosses(
  state: PretrainState,
  globals: tf.Tensor4D,
  locals: tf.Tensor4D[],
  masks: tf.Tensor2D,
  positions: MaskedPositions,
  teacher: { dinoProbs: tf.Tensor2D; ibotProbs: tf.Tensor2D },
  batch: PretrainBatch,
  rng: Rng,
): LossParts {
  const { config, student } = state;
  const B = batch.images.shape[0];
  const checkpoint = config.checkpointActivations;
  const global = vitForward(student.backbone, globals, { mask: masks, training: true, rng, checkpoint });
  const localCls = locals.length
    ? vitForward(student.backbone, tf.concat(locals, 0), { training: true, rng, checkpoint }).cls
    : null;
  const allCls = localCls ? tf.concat([global.cls, localCls], 0) : global.cls;
  const dinoLogits = headForward(student.dinoHead, allCls as tf.Tensor2D);
  const views = 2 + locals.length;
  const studentViews = tf.split(dinoLogits, views, 0) as tf.Tensor2D[];
  const teacherViews = tf.split(teacher.dinoProbs, 2, 0) as tf.Tensor2D[];
  const dino = dinoLoss({
    studentLogits: studentViews,
    teacherProbs: teacherViews,
    studentTemperature: config.studentTemperature,
  });
  const [rows, tokens, width] = global.patches.shape;
  const masked = selectRows(
    tf.reshape(global.patches, [rows * tokens, width]) as tf.Tensor2D,
    positions.indices,
  );
  const ibot = positions.indices.length
    ? ibotLoss({
        studentHead: {
          bottleneck: headBottleneck(student.ibotHead, masked),
          prototypes: student.ibotHead.weights['last_layer.weight_v'] as tf.Tensor2D,
        },
        teacherProbs: teacher.ibotProbs,
        positions,
        studentTemperature: config.studentTemperature,
      })
    : tf.scalar(0);
  const koleo = tf.add(
    koleoLoss(tf.slice(global.cls, [0, 0], [B, width])),
    koleoLoss(tf.slice(global.cls, [B, 0], [B, width])),
  ) as tf.Scalar;
  let label: tf.Scalar = tf.scalar(0);
  if (state.labelHead && batch.labels) {
    const logits = labelHeadForward(state.labelHead, global.cls);
    const twice = (t: tf.Tensor2D) => tf.concat([t, t], 0) as tf.Tensor2D;
    label = labelLoss({
      logits,
      targets: twice(batch.labels.targets),
      labelSpace: twice(batch.labels.labelSpace),
    });
  }
  return { dino, ibot, koleo, label };
}

/** Per-step seed: resuming at step s replays exactly the crops, masks and drop-path of an uninterrupted run. */
function stepRng(seed: number, step: number, rank: number): Rng {
  const mixed = Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(step + 1, 0x85ebca6b);
  // Rank 0 draws what a single-threaded run draws; other data-parallel ranks get their own streams.
  return createRng(rank === 0 ? mixed : mixed ^ Math.imul(rank, 0xc2b2ae35));
}

export interface StepGradients {
  /** Gradient of the weighted total loss per student parameter (`studentParameters` names). */
  grads: Record<string, tf.Tensor>;
  losses: StepLog['losses'];
  /** Batch means [1, K] of the teacher's logits, for the centre updates (ibot: null when nothing was masked). */
  centreInputs: { dino: tf.Tensor2D; ibot: tf.Tensor2D | null };
  /** Masked patches the iBOT centre input averages over. */
  maskedPatches: number;
}

/** computeStepGradients before any read back: the losses are scalars on the backend, owned by the caller. */
export interface StepGradientTensors extends Omit<StepGradients, 'losses'> {
  losses: Record<keyof StepLog['losses'], tf.Scalar>;
}

/**
 * The first half of a step: augmentation, teacher targets, student forward and backward. Changes no state; the
 * caller owns the returned tensors. `rank` picks the random stream of a data-parallel replica (0 = single thread).
 * Reads nothing back, so it also runs on backends whose reads are asynchronous (webgpu).
 */
export function computeStepGradientTensors(
  state: PretrainState,
  batch: PretrainBatch,
  options: { rank?: number } = {},
): StepGradientTensors {
  const { config } = state;
  const schedule = scheduleAt(config.schedule, state.step);
  const rng = stepRng(config.seed, state.step, options.rank ?? 0);
  const B = batch.images.shape[0];
  if (B < 2)
    throw new Error(`trainStep: batch needs at least 2 images (KoLeo compares neighbours), got ${B}`);
  if (batch.labels && !state.labelHead)
    throw new Error(
      'trainStep: the batch has labels but the state has no label head (pass conceptEmbeddings)',
    );
  const grid = config.vit.imageSize / config.vit.patchSize;
  const crops = multiCrop(batch.images, config.crops, rng);
  const masks = sampleMasks(2 * B, grid, rng, config.masking);
  const positions = maskedPositions(masks);
  const w = config.lossWeights;
  const kept = {} as StepGradientTensors['losses'];
  const params = studentParameters(state);
  let out!: { grads: Record<string, tf.Tensor>; dino: tf.Tensor2D; ibot: tf.Tensor2D | null };
  tf.tidy(() => {
    const globals = tf.concat(crops.global, 0) as tf.Tensor4D;
    const maskTensor = tf.tensor2d(
      masks.flatMap((m) => Array.from(m)),
      [2 * B, grid * grid],
    );
    const teacher = tf.tidy(() => teacherTargets(state, globals, positions, schedule.teacherTemperature));
    const { value, grads } = tf.variableGrads(() => {
      const losses = studentLosses(state, globals, crops.local, maskTensor, positions, teacher, batch, rng);
      for (const [k, v] of Object.entries(losses)) kept[k as keyof LossParts] = tf.keep(v);
      return tf.addN([
        tf.mul(losses.dino, w.dino),
        tf.mul(losses.ibot, w.ibot),
        tf.mul(losses.koleo, w.koleo),
        tf.mul(losses.label, w.label),
      ]) as tf.Scalar;
    }, Object.values(params));
    kept.total = tf.keep(value);
    const named: Record<string, tf.Tensor> = {};
    const byVariable = new Map(Object.entries(params).map(([name, v]) => [v.name, name]));
    for (const [variableName, grad] of Object.entries(grads))
      if (grad) named[byVariable.get(variableName)!] = tf.keep(grad);
    out = {
      grads: named,
      dino: tf.keep(teacher.dinoMean),
      ibot: positions.indices.length ? tf.keep(teacher.ibotMean) : null,
    };
  });
  tf.dispose([...crops.global, ...crops.local]);
  return {
    grads: out.grads,
    losses: kept,
    centreInputs: { dino: out.dino, ibot: out.ibot },
    maskedPatches: positions.indices.length,
  };
}

/** Reads a scalar back (synchronous backends) and disposes it. */
function readScalar(value: tf.Scalar): number {
  const number = value.dataSync()[0];
  value.dispose();
  return number;
}

/** computeStepGradientTensors with the losses read back (synchronous backends: wasm, cpu, tensorflow). */
export function computeStepGradients(
  state: PretrainState,
  batch: PretrainBatch,
  options: { rank?: number } = {},
): StepGradients {
  const { losses, ...rest } = computeStepGradientTensors(state, batch, options);
  const read = Object.fromEntries(Object.entries(losses).map(([k, v]) => [k, readScalar(v)]));
  return { ...rest, losses: read as StepLog['losses'] };
}

/**
 * The second half of a step: gradient clipping per module, AdamW, teacher EMA (flat buffers: `flat-update.ts`)
 * and centres, then step + 1.
 * Disposes the gradients and centre inputs it is given. Returns the gradient norm before clipping, as a scalar on
 * the backend (the caller disposes it), so nothing is read back.
 */
export function applyStepGradientTensors(
  state: PretrainState,
  gradients: Pick<StepGradients, 'grads' | 'centreInputs'>,
): { gradNorm: tf.Scalar; schedule: ScheduleValues } {
  const { config } = state;
  const schedule = scheduleAt(config.schedule, state.step);
  const { dino, ibot } = gradients.centreInputs;
  const gradNorm = applyFlatUpdate(studentParameters(state), { ...gradients.grads }, state.optimizer, {
    lr: schedule.lr,
    weightDecay: schedule.weightDecay,
    clipGrad: config.clipGrad,
    frozen: (name) => schedule.lastLayerFrozen && name.endsWith('last_layer.weight_v'),
    ema: { teacher: namespaced(state.teacher), momentum: schedule.momentum },
  });
  tf.tidy(() => {
    state.centres.dino.assign(updateCentre(state.centres.dino, dino, config.centreMomentum));
    if (ibot) state.centres.ibot.assign(updateCentre(state.centres.ibot, ibot, config.centreMomentum));
  });
  tf.dispose([dino, ...(ibot ? [ibot] : [])]);
  state.step += 1;
  return { gradNorm, schedule };
}

/** applyStepGradientTensors with the gradient norm read back (synchronous backends). */
export function applyStepGradients(
  state: PretrainState,
  gradients: Pick<StepGradients, 'grads' | 'centreInputs'>,
): { gradNorm: number; schedule: ScheduleValues } {
  const { gradNorm, schedule } = applyStepGradientTensors(state, gradients);
  return { gradNorm: readScalar(gradNorm), schedule };
}

/** One hybrid pretraining step: augment, teacher targets, student forward/backward, AdamW, EMA, centres. */
export function trainStep(state: PretrainState, batch: PretrainBatch): StepLog {
  const { grads, losses, centreInputs } = computeStepGradients(state, batch);
  const { gradNorm, schedule } = applyStepGradients(state, { grads, centreInputs });
  return { step: state.step, ...schedule, losses, gradNorm };
}

/**
 * trainStep for any backend: the same step, with the losses and gradient norm read back asynchronously at its end
 * (webgpu cannot read synchronously; on wasm and cpu it gives what trainStep gives).
 */
export async function trainStepAsync(state: PretrainState, batch: PretrainBatch): Promise<StepLog> {
  const { grads, losses, centreInputs } = computeStepGradientTensors(state, batch);
  const { gradNorm, schedule } = applyStepGradientTensors(state, { grads, centreInputs });
  const names = Object.keys(losses) as (keyof StepLog['losses'])[];
  const values = await Promise.all([...names.map((name) => losses[name].data()), gradNorm.data()]);
  tf.dispose([...Object.values(losses), gradNorm]);
  const read = Object.fromEntries(names.map((name, i) => [name, values[i][0]])) as StepLog['losses'];
  return { step: state.step, ...schedule, losses: read, gradNorm: values[names.length][0] };
}
