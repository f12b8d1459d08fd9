import { mlpHidden, resolveVitConfig, type VitConfig } from '../vit/config';
import type { WeightMap } from '../vit/weights';
import { interpolatePosEmbed } from './interpolate-pos-embed';
import { elementCount, type LazyTensor } from './lazy-tensor';

/** Heads of the standard ViT widths (DINOv2 S/B/L/g). */
export const STANDARD_HEADS: Record<number, number> = { 384: 6, 768: 12, 1024: 16, 1536: 24 };

export interface Architecture {
  width: number;
  depth: number;
  patchSize: number;
  registers: number;
  ffn: 'mlp' | 'swiglu';
  hidden: number;
  layerScale: boolean;
  /** Side of the stored position grid (37 for DINOv2's 518 px), and whether it has a CLS row. */
  positionGrid: number;
  positionHasClassRow: boolean;
  maskToken: boolean;
}

/** Reads the architecture from the tensors' shapes (DINOv2 names, torch layout). */
export function inferArchitecture(tensors: Map<string, LazyTensor>, what: string): Architecture {
  const shape = (name: string) => {
    const tensor = tensors.get(name);
    if (!tensor) throw new Error(`${what}: the backbone has no ${name}`);
    return tensor.shape;
  };
  const width = shape('cls_token').at(-1)!;
  const [outChannels, inChannels, patchSize, patchWidth] = shape('patch_embed.proj.weight');
  if (outChannels !== width || inChannels !== 3 || patchSize !== patchWidth) {
    throw new Error(
      `${what}: patch_embed.proj.weight has shape [${shape('patch_embed.proj.weight')}], expected [${width}, 3, p, p]`,
    );
  }
  const blockIndices = [...tensors.keys()]
    .flatMap((key) => /^blocks\.(\d+)\./.exec(key)?.[1] ?? [])
    .map(Number);
  if (blockIndices.length === 0) throw new Error(`${what}: the backbone has no blocks`);
  const depth = Math.max(...blockIndices) + 1;
  const registers = tensors.has('register_tokens') ? shape('register_tokens').at(-2)! : 0;
  const swiglu = tensors.has('blocks.0.mlp.w12.weight');
  const hidden = swiglu ? shape('blocks.0.mlp.w3.weight')[1] : shape('blocks.0.mlp.fc1.weight')[0];
  const positions = elementCount(shape('pos_embed')) / width;
  const withClass = Math.round(Math.sqrt(positions - 1));
  const withoutClass = Math.round(Math.sqrt(positions));
  const positionHasClassRow = withClass * withClass === positions - 1;
  if (!positionHasClassRow && withoutClass * withoutClass !== positions) {
    throw new Error(
      `${what}: pos_embed holds ${positions} positions: neither a square grid nor 1 + a square grid`,
    );
  }
  return {
    width,
    depth,
    patchSize,
    registers,
    ffn: swiglu ? 'swiglu' : 'mlp',
    hidden,
    layerScale: tensors.has('blocks.0.ls1.gamma'),
    positionGrid: positionHasClassRow ? withClass : withoutClass,
    positionHasClassRow,
    maskToken: tensors.has('mask_token'),
  };
}

/**
 * timm's SwiGLUPacked keeps DINOv2's w12 / w3 under the names fc1 / fc2 (fc1 twice as wide as fc2's input):
 * renamed to w12 / w3 so the rest sees one layout.
 */
export function unpackTimmGlu(tensors: Map<string, LazyTensor>): Map<string, LazyTensor> {
  const fc1 = tensors.get('blocks.0.mlp.fc1.weight');
  const fc2 = tensors.get('blocks.0.mlp.fc2.weight');
  if (!(fc1 && fc2 && fc1.shape[0] === 2 * fc2.shape[1])) return tensors;
  return new Map(
    [...tensors].map(([key, tensor]) => [
      key.replace(/^(blocks\.\d+\.mlp\.)fc1\./, '$1w12.').replace(/^(blocks\.\d+\.mlp\.)fc2\./, '$1w3.'),
      tensor,
    ]),
  );
}

/** Shapes equal once leading 1s are dropped (cls_token [1, 1, D] is [D]). */
export function sameShape(actual: number[], expected: number[]): boolean {
  const squeeze = (shape: number[]) =>
    shape.slice(
      Math.max(
        0,
        shape.findIndex((d) => d !== 1),
      ),
    );
  const [a, e] = [squeeze(actual), squeeze(expected)];
  return a.length === e.length && a.every((d, i) => d === e[i]);
}

/** Every tensor name (DINOv2 names) an architecture needs, with its shape in torch layout. */
export function expectedTensors(arch: Architecture): Map<string, number[]> {
  const { width: D, hidden: h, patchSize: p } = arch;
  const positions = arch.positionGrid ** 2 + (arch.positionHasClassRow ? 1 : 0);
  const expected = new Map<string, number[]>([
    ['patch_embed.proj.weight', [D, 3, p, p]],
    ['patch_embed.proj.bias', [D]],
    ['cls_token', [D]],
    ['pos_embed', [positions, D]],
    ['norm.weight', [D]],
    ['norm.bias', [D]],
  ]);
  if (arch.maskToken) expected.set('mask_token', [D]);
  if (arch.registers > 0) expected.set('register_tokens', [arch.registers, D]);
  const [up, down] = arch.ffn === 'swiglu' ? ['w12', 'w3'] : ['fc1', 'fc2'];
  for (let i = 0; i < arch.depth; i += 1) {
    const b = `blocks.${i}.`;
    for (const norm of ['norm1', 'norm2'])
      expected.set(`${b}${norm}.weight`, [D]).set(`${b}${norm}.bias`, [D]);
    expected.set(`${b}attn.qkv.weight`, [3 * D, D]).set(`${b}attn.qkv.bias`, [3 * D]);
    expected.set(`${b}attn.proj.weight`, [D, D]).set(`${b}attn.proj.bias`, [D]);
    expected
      .set(`${b}mlp.${up}.weight`, [arch.ffn === 'swiglu' ? 2 * h : h, D])
      .set(`${b}mlp.${up}.bias`, [arch.ffn === 'swiglu' ? 2 * h : h]);
    expected.set(`${b}mlp.${down}.weight`, [D, h]).set(`${b}mlp.${down}.bias`, [D]);
    if (arch.layerScale) expected.set(`${b}ls1.gamma`, [D]).set(`${b}ls2.gamma`, [D]);
  }
  return expected;
}

/** mlpRatio that makes mlpHidden() give the file's hidden size (SwiGLU rounds, so the ratio is searched). */
function mlpRatioFor(arch: Architecture, what: string): number {
  if (arch.ffn === 'mlp') return arch.hidden / arch.width;
  for (const ratio of [4, (arch.hidden * 3) / (2 * arch.width)]) {
    if (mlpHidden({ width: arch.width, mlpRatio: ratio, ffn: 'swiglu' }) === arch.hidden) return ratio;
  }
  throw new Error(`${what}: SwiGLU hidden size ${arch.hidden} is not DINOv2's rounding of any MLP ratio`);
}

export function vitConfigFor(arch: Architecture, heads: number, imageSize: number, what: string): VitConfig {
  if (imageSize % arch.patchSize !== 0)
    throw new Error(`${what}: image size ${imageSize} is not a multiple of the patch size ${arch.patchSize}`);
  if (arch.width % heads !== 0)
    throw new Error(`${what}: width ${arch.width} is not divisible by ${heads} heads`);
  return resolveVitConfig({
    imageSize,
    patchSize: arch.patchSize,
    width: arch.width,
    depth: arch.depth,
    heads,
    mlpRatio: mlpRatioFor(arch, what),
    // Any positive value enables LayerScale; the file's ls1/ls2 replace the init value.
    layerScale: arch.layerScale ? 1e-5 : 0,
    dropPath: 0,
    layerNormEps: 1e-6,
    ...(arch.registers > 0 ? { registers: arch.registers } : {}),
    ...(arch.ffn === 'swiglu' ? { ffn: 'swiglu' as const } : {}),
  });
}

const transpose = (data: Float32Array, rows: number, cols: number) => {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r += 1) for (let c = 0; c < cols; c += 1) out[c * rows + r] = data[r * cols + c];
  return out;
};

/** Conv kernel [D, 3, p, p] -> patch_embed.weight [p*p*3, D] (row-in-patch, col-in-patch, channel). */
function fromConvKernel(kernel: Float32Array, p: number, D: number): Float32Array {
  const out = new Float32Array(kernel.length);
  for (let d = 0; d < D; d += 1) {
    for (let c = 0; c < 3; c += 1) {
      for (let i = 0; i < p; i += 1)
        for (let j = 0; j < p; j += 1)
          out[((i * p + j) * 3 + c) * D + d] = kernel[((d * 3 + c) * p + i) * p + j];
    }
  }
  return out;
}

/** Reads and converts every tensor (one at a time) to the package's ViT weights (src/vit/CONTRACT.md). */
export function toVitWeights(
  tensors: Map<string, LazyTensor>,
  arch: Architecture,
  config: VitConfig,
): WeightMap {
  const D = arch.width;
  const out: WeightMap = {};
  const read = (name: string) => tensors.get(name)!.read();
  const servingGrid = config.imageSize / config.patchSize;
  out['patch_embed.weight'] = {
    shape: [arch.patchSize ** 2 * 3, D],
    data: fromConvKernel(read('patch_embed.proj.weight'), arch.patchSize, D),
  };
  out['patch_embed.bias'] = { shape: [D], data: read('patch_embed.proj.bias') };
  out.cls_token = { shape: [D], data: read('cls_token') };
  const pos = interpolatePosEmbed(read('pos_embed'), D, arch.positionGrid, servingGrid, {
    hasClassRow: arch.positionHasClassRow,
  });
  out.pos_embed = { shape: [1 + servingGrid ** 2, D], data: pos };
  // timm's export has no mask token (it is only used for iBOT masking in pretraining): start it at zero.
  out.mask_token = { shape: [D], data: arch.maskToken ? read('mask_token') : new Float32Array(D) };
  if (arch.registers > 0) out.register_tokens = { shape: [arch.registers, D], data: read('register_tokens') };
  const [up, down] = arch.ffn === 'swiglu' ? ['w12', 'w3'] : ['fc1', 'fc2'];
  const upWidth = arch.ffn === 'swiglu' ? 2 * arch.hidden : arch.hidden;
  for (let i = 0; i < arch.depth; i += 1) {
    const b = `blocks.${i}.`;
    for (const name of [
      'norm1.weight',
      'norm1.bias',
      'norm2.weight',
      'norm2.bias',
      'attn.qkv.bias',
      'attn.proj.bias',
    ]) {
      out[b + name] = { shape: [...tensors.get(b + name)!.shape], data: read(b + name) };
    }
    out[`${b}attn.qkv.weight`] = {
      shape: [D, 3 * D],
      data: transpose(read(`${b}attn.qkv.weight`), 3 * D, D),
    };
    out[`${b}attn.proj.weight`] = { shape: [D, D], data: transpose(read(`${b}attn.proj.weight`), D, D) };
    for (const [part, rows, cols] of [
      [up, D, upWidth],
      [down, arch.hidden, D],
    ] as const) {
      const from = `${b}mlp.${part}`;
      out[`${from}.weight`] = { shape: [rows, cols], data: transpose(read(`${from}.weight`), cols, rows) };
      out[`${from}.bias`] = { shape: [cols], data: read(`${from}.bias`) };
    }
    if (arch.layerScale)
      for (const ls of ['ls1', 'ls2']) out[b + ls] = { shape: [D], data: read(`${b}${ls}.gamma`) };
  }
  out['norm.weight'] = { shape: [D], data: read('norm.weight') };
  out['norm.bias'] = { shape: [D], data: read('norm.bias') };
  return out;
}
