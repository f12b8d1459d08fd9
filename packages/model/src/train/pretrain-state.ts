import * as tf from '@tensorflow/tfjs-core';
import type { ConceptEmbeddings } from '../concepts/concept-embeddings';
import { createLabelHead, type LabelHead } from '../heads/label-head';
import { createProjectionHead, type ProjectionHead } from '../heads/projection-head';
import { createVit, disposeModel, nextId, type VitModel } from '../vit/create-vit';
import { createFlatAdamW, disposeFlatAdamW, type FlatAdamWState } from './flat-adamw';
import { type PretrainConfig, type PretrainConfigInput, resolvePretrainConfig } from './pretrain-config';

export interface Network {
  backbone: VitModel;
  dinoHead: ProjectionHead;
  ibotHead: ProjectionHead;
}

export interface PretrainState {
  config: PretrainConfig;
  student: Network;
  /** EMA of the student; never receives gradients. */
  teacher: Network;
  /** Absent when no concept embeddings were given (pure self-supervised pretraining). */
  labelHead: LabelHead | null;
  centres: { dino: tf.Variable; ibot: tf.Variable };
  /** AdamW moments in flat buckets; checkpoints store them per parameter (`adamw.m.<name>`). */
  optimizer: FlatAdamWState;
  /** Completed training steps; drives every schedule and the per-step random seed. */
  step: number;
}

/** Every trainable student parameter under one flat namespace: `backbone.*`, `dino_head.*`, `ibot_head.*`, `label_head.*`. */
export function studentParameters(
  state: Pick<PretrainState, 'student' | 'labelHead'>,
): Record<string, tf.Variable> {
  return { ...namespaced(state.student), ...(state.labelHead?.weights ?? {}) };
}

export function namespaced(network: Network): Record<string, tf.Variable> {
  const out: Record<string, tf.Variable> = {};
  for (const [name, v] of Object.entries(network.backbone.weights)) out[`backbone.${name}`] = v;
  for (const [name, v] of Object.entries(network.dinoHead.weights)) out[`dino_head.${name}`] = v;
  for (const [name, v] of Object.entries(network.ibotHead.weights)) out[`ibot_head.${name}`] = v;
  return out;
}

function createNetwork(config: PretrainConfig, seed: number): Network {
  const backbone = createVit(config.vit, { seed });
  const inDim = config.vit.width;
  return {
    backbone,
    dinoHead: createProjectionHead({ inDim, ...config.dinoHead }, { seed: seed + 1, name: 'dino_head' }),
    ibotHead: createProjectionHead({ inDim, ...config.ibotHead }, { seed: seed + 2, name: 'ibot_head' }),
  };
}

/** The teacher starts as an exact copy of the student, as non-trainable variables. */
function copyNetwork(source: Network, config: PretrainConfig): Network {
  const copy = createNetwork(config, config.seed);
  const from = namespaced(source);
  for (const [name, v] of Object.entries(namespaced(copy))) {
    v.assign(from[name]);
    (v as { trainable: boolean }).trainable = false;
  }
  return copy;
}

export function createPretrainState(
  input: PretrainConfigInput = {},
  options: { conceptEmbeddings?: ConceptEmbeddings } = {},
): PretrainState {
  const config = resolvePretrainConfig(input);
  const student = createNetwork(config, config.seed);
  const teacher = copyNetwork(student, config);
  const labelHead = options.conceptEmbeddings
    ? createLabelHead(config.vit.width, options.conceptEmbeddings, { seed: config.seed + 3 })
    : null;
  const centre = (k: number, kind: string) =>
    tf.tidy(() => tf.variable(tf.zeros([1, k]), false, `centre/${kind}/${nextId()}`));
  const state: PretrainState = {
    config,
    student,
    teacher,
    labelHead,
    centres: {
      dino: centre(config.dinoHead.prototypes, 'dino'),
      ibot: centre(config.ibotHead.prototypes, 'ibot'),
    },
    optimizer: createFlatAdamW({}),
    step: 0,
  };
  state.optimizer = createFlatAdamW(studentParameters(state));
  return state;
}

export function disposePretrainState(state: PretrainState): void {
  for (const network of [state.student, state.teacher]) {
    disposeModel(network.backbone);
    disposeModel(network.dinoHead);
    disposeModel(network.ibotHead);
  }
  if (state.labelHead) disposeModel(state.labelHead);
  tf.dispose([state.centres.dino, state.centres.ibot]);
  disposeFlatAdamW(state.optimizer);
}
