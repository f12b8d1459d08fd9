export interface VitConfig {
  imageSize: number;
  patchSize: number;
  width: number;
  depth: number;
  heads: number;
  mlpRatio: number;
  /** LayerScale init value; 0 disables LayerScale (no ls1/ls2 weights). */
  layerScale: number;
  /** Maximum drop-path rate (linearly increasing over depth, training only). */
  dropPath: number;
  layerNormEps: number;
  /** Register tokens between CLS and the patches (DINOv2 with registers); absent = 0. */
  registers?: number;
  /** Feed-forward of each block: 'mlp' (fc1, GELU, fc2; the default) or DINOv2's fused 'swiglu' (w12, w3). */
  ffn?: 'mlp' | 'swiglu';
}

export type VitPresetName = 'tiny' | 'vit-s16' | 'vit-b16';

const DEFAULTS = { mlpRatio: 4, layerScale: 0, dropPath: 0, layerNormEps: 1e-6 };

export const VIT_PRESETS: Readonly<Record<VitPresetName, VitConfig>> = {
  // Trains on a CPU in minutes on 32 px images: 16 patches of 8x8 (17 tokens keep attention cheap on wasm).
  tiny: {
    ...DEFAULTS,
    imageSize: 32,
    patchSize: 8,
    width: 64,
    depth: 3,
    heads: 2,
    mlpRatio: 2,
    layerScale: 0.1,
  },
  'vit-s16': {
    ...DEFAULTS,
    imageSize: 224,
    patchSize: 16,
    width: 384,
    depth: 12,
    heads: 6,
    layerScale: 1e-5,
    dropPath: 0.1,
  },
  'vit-b16': {
    ...DEFAULTS,
    imageSize: 224,
    patchSize: 16,
    width: 768,
    depth: 12,
    heads: 12,
    layerScale: 1e-5,
    dropPath: 0.1,
  },
};

const positiveIntegers = ['imageSize', 'patchSize', 'width', 'depth', 'heads'] as const;

/** Merges defaults (or a preset) and validates every field loudly, once. */
export function resolveVitConfig(
  input: VitPresetName | (Partial<VitConfig> & { preset?: VitPresetName }),
): VitConfig {
  if (typeof input === 'string') {
    const preset = VIT_PRESETS[input];
    if (!preset)
      throw new Error(
        `Unknown ViT preset "${input}"; expected one of ${Object.keys(VIT_PRESETS).join(', ')}`,
      );
    return { ...preset };
  }
  const { preset, ...overrides } = input;
  const base = preset ? resolveVitConfig(preset) : DEFAULTS;
  const config = { ...base, ...overrides } as VitConfig;
  for (const key of positiveIntegers) {
    const value = config[key];
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`ViT config: ${key} must be a positive integer, got ${value}`);
  }
  if (config.imageSize % config.patchSize !== 0) {
    throw new Error(
      `ViT config: imageSize ${config.imageSize} is not a multiple of patchSize ${config.patchSize}`,
    );
  }
  if (config.width % config.heads !== 0) {
    throw new Error(`ViT config: width ${config.width} is not divisible by heads ${config.heads}`);
  }
  if (!(config.mlpRatio > 0)) throw new Error(`ViT config: mlpRatio must be > 0, got ${config.mlpRatio}`);
  if (!(config.layerScale >= 0))
    throw new Error(`ViT config: layerScale must be >= 0, got ${config.layerScale}`);
  if (!(config.dropPath >= 0 && config.dropPath < 1)) {
    throw new Error(`ViT config: dropPath must be in [0, 1), got ${config.dropPath}`);
  }
  if (config.registers !== undefined && !(Number.isInteger(config.registers) && config.registers >= 0)) {
    throw new Error(`ViT config: registers must be a non-negative integer, got ${config.registers}`);
  }
  if (config.ffn !== undefined && config.ffn !== 'mlp' && config.ffn !== 'swiglu') {
    throw new Error(`ViT config: ffn must be 'mlp' or 'swiglu', got ${JSON.stringify(config.ffn)}`);
  }
  if (!(config.layerNormEps > 0))
    throw new Error(`ViT config: layerNormEps must be > 0, got ${config.layerNormEps}`);
  return config;
}

/** Hidden size of the feed-forward; SwiGLU follows DINOv2's SwiGLUFFNFused: (int(D r 2/3) + 7) // 8 * 8. */
export function mlpHidden(config: Pick<VitConfig, 'width' | 'mlpRatio' | 'ffn'>): number {
  const hidden = Math.round(config.width * config.mlpRatio);
  if (config.ffn !== 'swiglu') return hidden;
  return Math.floor((Math.floor((hidden * 2) / 3) + 7) / 8) * 8;
}

export function patchCount(config: VitConfig, imageSize = config.imageSize): number {
  return (imageSize / config.patchSize) ** 2;
}
