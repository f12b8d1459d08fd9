import type { NamedWeights, VitExportConfig } from '../vit-export-types';

/** Mulberry32: a tiny seeded PRNG so test weights are the same on every run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fill(random: () => number, size: number, center: number, spread: number): Float32Array {
  const data = new Float32Array(size);
  for (let i = 0; i < size; i += 1) data[i] = center + (random() * 2 - 1) * spread;
  return data;
}

/**
 * Random named weights per src/vit/CONTRACT.md. Matrices have std gain/sqrt(fan_in) (unit-scale activations at any
 * width), and biases, LayerNorm and LayerScale are far from their init values, so attention is far from uniform
 * and a wrong layout or a dropped term changes the output visibly.
 */
export function createRandomVitWeights(config: VitExportConfig, seed = 1): NamedWeights {
  const random = createRandom(seed);
  const { imageSize, patchSize, width, depth } = config;
  const hidden = Math.round(width * config.mlpRatio);
  const tokens = (imageSize / patchSize) ** 2 + 1;
  const weights: NamedWeights = {};
  const add = (name: string, shape: number[], center = 0, spread = 0.2) => {
    weights[name] = { shape, data: fill(random, shape.reduce((a, b) => a * b, 1), center, spread) };
  };
  // Uniform on [-a, a] has std a / sqrt(3).
  const matrix = (name: string, shape: [number, number], gain = 1) => add(name, shape, 0, gain * Math.sqrt(3 / shape[0]));
  matrix('patch_embed.weight', [patchSize * patchSize * 3, width]);
  add('patch_embed.bias', [width]);
  add('cls_token', [width], 0, 1);
  add('pos_embed', [tokens, width], 0, 0.5);
  add('mask_token', [width]);
  for (let index = 0; index < depth; index += 1) {
    const prefix = `blocks.${index}`;
    add(`${prefix}.norm1.weight`, [width], 1, 0.3);
    add(`${prefix}.norm1.bias`, [width]);
    matrix(`${prefix}.attn.qkv.weight`, [width, 3 * width], 1.5);
    add(`${prefix}.attn.qkv.bias`, [3 * width]);
    matrix(`${prefix}.attn.proj.weight`, [width, width]);
    add(`${prefix}.attn.proj.bias`, [width]);
    add(`${prefix}.norm2.weight`, [width], 1, 0.3);
    add(`${prefix}.norm2.bias`, [width]);
    matrix(`${prefix}.mlp.fc1.weight`, [width, hidden]);
    add(`${prefix}.mlp.fc1.bias`, [hidden]);
    matrix(`${prefix}.mlp.fc2.weight`, [hidden, width]);
    add(`${prefix}.mlp.fc2.bias`, [width]);
    if (config.layerScale > 0) {
      add(`${prefix}.ls1`, [width], 0.5, 0.4);
      add(`${prefix}.ls2`, [width], 0.5, 0.4);
    }
  }
  add('norm.weight', [width], 1, 0.3);
  add('norm.bias', [width]);
  return weights;
}

/** A linear head `${prefix}.weight [D, C]`, `${prefix}.bias [C]` (classifier `head`, concept head `label_head`). */
export function createRandomClassifier(width: number, classNames: string[], seed = 2, prefix = 'head'): NamedWeights {
  const random = createRandom(seed);
  return {
    [`${prefix}.weight`]: { shape: [width, classNames.length], data: fill(random, width * classNames.length, 0, 1) },
    [`${prefix}.bias`]: { shape: [classNames.length], data: fill(random, classNames.length, 0, 0.5) },
  };
}

/** Random normalised-looking NHWC images [B, S, S, 3]. */
export function createRandomImages(batch: number, imageSize: number, seed = 3): Float32Array {
  return fill(createRandom(seed), batch * imageSize * imageSize * 3, 0, 2);
}
