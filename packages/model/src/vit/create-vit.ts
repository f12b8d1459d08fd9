import * as tf from '@tensorflow/tfjs-core';
import { createRng, fillTruncatedNormal, type Rng } from '../random';
import { registerGradients } from '../register-gradients';
import { mlpHidden, patchCount, resolveVitConfig, type VitConfig, type VitPresetName } from './config';

export interface VitModel {
  config: VitConfig;
  /** Contract names -> trainable variables, in a stable order. */
  weights: Record<string, tf.Variable>;
}

export type VitConfigInput = VitPresetName | (Partial<VitConfig> & { preset?: VitPresetName });

/** Shapes of every weight of a config, in contract order. */
export function vitWeightShapes(config: VitConfig): Array<[string, number[]]> {
  const D = config.width;
  const hidden = mlpHidden(config);
  const shapes: Array<[string, number[]]> = [
    ['patch_embed.weight', [config.patchSize * config.patchSize * 3, D]],
    ['patch_embed.bias', [D]],
    ['cls_token', [D]],
    ['pos_embed', [1 + patchCount(config), D]],
    ['mask_token', [D]],
  ];
  const registers = config.registers ?? 0;
  if (registers > 0) shapes.push(['register_tokens', [registers, D]]);
  for (let i = 0; i < config.depth; i++) {
    const p = `blocks.${i}.`;
    shapes.push([`${p}norm1.weight`, [D]], [`${p}norm1.bias`, [D]]);
    shapes.push([`${p}attn.qkv.weight`, [D, 3 * D]], [`${p}attn.qkv.bias`, [3 * D]]);
    shapes.push([`${p}attn.proj.weight`, [D, D]], [`${p}attn.proj.bias`, [D]]);
    if (config.layerScale > 0) shapes.push([`${p}ls1`, [D]]);
    shapes.push([`${p}norm2.weight`, [D]], [`${p}norm2.bias`, [D]]);
    if (config.ffn === 'swiglu') {
      shapes.push([`${p}mlp.w12.weight`, [D, 2 * hidden]], [`${p}mlp.w12.bias`, [2 * hidden]]);
      shapes.push([`${p}mlp.w3.weight`, [hidden, D]], [`${p}mlp.w3.bias`, [D]]);
    } else {
      shapes.push([`${p}mlp.fc1.weight`, [D, hidden]], [`${p}mlp.fc1.bias`, [hidden]]);
      shapes.push([`${p}mlp.fc2.weight`, [hidden, D]], [`${p}mlp.fc2.bias`, [D]]);
    }
    if (config.layerScale > 0) shapes.push([`${p}ls2`, [D]]);
  }
  shapes.push(['norm.weight', [D]], ['norm.bias', [D]]);
  return shapes;
}

function initialValues(name: string, size: number, config: VitConfig, rng: Rng): Float32Array {
  if (name.endsWith('.bias') || name === 'mask_token') return new Float32Array(size);
  if (/norm\d?\.weight$/.test(name)) return new Float32Array(size).fill(1);
  if (/\.ls\d$/.test(name)) return new Float32Array(size).fill(config.layerScale);
  // dinov2 starts the CLS token near zero and everything else as trunc_normal(0.02).
  if (name === 'cls_token' || name === 'register_tokens') return fillTruncatedNormal(rng, size, 1e-6);
  return fillTruncatedNormal(rng, size, 0.02);
}

/** Builds a ViT with seeded initial weights. Nothing is built at import time. */
export function createVit(input: VitConfigInput, options: { seed?: number } = {}): VitModel {
  const config = resolveVitConfig(input);
  registerGradients();
  const rng = createRng(options.seed ?? 0);
  const weights: Record<string, tf.Variable> = {};
  for (const [name, shape] of vitWeightShapes(config)) {
    const size = shape.reduce((a, b) => a * b, 1);
    const initial = tf.tensor(initialValues(name, size, config, rng), shape);
    weights[name] = tf.variable(initial, true, `vit/${name}/${nextId()}`);
    initial.dispose();
  }
  return { config, weights };
}

let variableCounter = 0;
/** tfjs variable names must be unique per engine; models are created many times in tests. */
export function nextId(): number {
  variableCounter += 1;
  return variableCounter;
}

export function disposeModel(model: { weights: Record<string, tf.Variable> }): void {
  for (const variable of Object.values(model.weights)) variable.dispose();
}
