import * as tf from '@tensorflow/tfjs-core';
import { gelu, l2Normalize, linear } from '../nn/layers';
import { createRng, fillTruncatedNormal } from '../random';
import { nextId } from '../vit/create-vit';
import { prototypeScores } from './prototype-scores';

/** DINO / iBOT head: MLP (GELU between layers) -> bottleneck -> L2 normalise -> weight-normalised prototypes. */
export interface ProjectionHeadConfig {
  inDim: number;
  hidden: number;
  bottleneck: number;
  prototypes: number;
  /** Number of MLP layers (dinov2: 3). */
  layers: number;
}

export interface ProjectionHead {
  config: ProjectionHeadConfig;
  /** Names follow CONTRACT.md without the `dino_head.` / `ibot_head.` prefix. */
  weights: Record<string, tf.Variable>;
}

export const DEFAULT_HEAD: Omit<ProjectionHeadConfig, 'inDim'> = {
  hidden: 2048,
  bottleneck: 256,
  prototypes: 65536,
  layers: 3,
};

export function validateHeadConfig(config: ProjectionHeadConfig): ProjectionHeadConfig {
  for (const key of ['inDim', 'hidden', 'bottleneck', 'prototypes', 'layers'] as const) {
    if (!Number.isInteger(config[key]) || config[key] <= 0) {
      throw new Error(`head config: ${key} must be a positive integer, got ${config[key]}`);
    }
  }
  return config;
}

export function headWeightShapes(config: ProjectionHeadConfig): Array<[string, number[]]> {
  const shapes: Array<[string, number[]]> = [];
  for (let i = 0; i < config.layers; i++) {
    const inDim = i === 0 ? config.inDim : config.hidden;
    const outDim = i === config.layers - 1 ? config.bottleneck : config.hidden;
    shapes.push([`mlp.${i}.weight`, [inDim, outDim]], [`mlp.${i}.bias`, [outDim]]);
  }
  shapes.push(['last_layer.weight_v', [config.bottleneck, config.prototypes]]);
  return shapes;
}

export function createProjectionHead(
  config: ProjectionHeadConfig,
  options: { seed?: number; name?: string } = {},
): ProjectionHead {
  validateHeadConfig(config);
  const rng = createRng(options.seed ?? 1);
  const weights: Record<string, tf.Variable> = {};
  for (const [name, shape] of headWeightShapes(config)) {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = name.endsWith('.bias') ? new Float32Array(size) : fillTruncatedNormal(rng, size, 0.02);
    const initial = tf.tensor(values, shape);
    weights[name] = tf.variable(initial, true, `${options.name ?? 'head'}/${name}/${nextId()}`);
    initial.dispose();
  }
  return { config, weights };
}

/** Normalised bottleneck features [M, bottleneck] (before the prototype layer). */
export function headBottleneck(head: ProjectionHead, x: tf.Tensor2D): tf.Tensor2D {
  let h: tf.Tensor = x;
  for (let i = 0; i < head.config.layers; i++) {
    h = linear(h, head.weights[`mlp.${i}.weight`], head.weights[`mlp.${i}.bias`]);
    if (i < head.config.layers - 1) h = gelu(h);
  }
  return l2Normalize(h) as tf.Tensor2D;
}

/** Prototype scores [M, K]: each prototype column is unit-normalised (weight norm with g = 1). */
export function headForward(head: ProjectionHead, x: tf.Tensor2D): tf.Tensor2D {
  return prototypeScores(headBottleneck(head, x), head.weights['last_layer.weight_v'] as tf.Tensor2D);
}
