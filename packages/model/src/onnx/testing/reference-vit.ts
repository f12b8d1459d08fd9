import type { NamedWeights, VitExportConfig } from '../vit-export-types';

/** Output of the straightforward float64 ViT forward written from CONTRACT.md, one image at a time. */
export interface ReferenceVitOutput {
  embedding: number[];
  patchTokens: number[][];
  probabilities?: number[];
  /** Head-averaged attention of each block, [T][T]. */
  attentions: number[][][];
}

type Matrix = number[][];

const matmul = (x: Matrix, w: Float32Array, cols: number, bias?: Float32Array): Matrix =>
  x.map((row) => {
    const out = new Array<number>(cols).fill(0);
    for (let i = 0; i < row.length; i += 1) for (let j = 0; j < cols; j += 1) out[j] += row[i] * w[i * cols + j];
    return bias ? out.map((v, j) => v + bias[j]) : out;
  });

const layerNorm = (x: Matrix, weight: Float32Array, bias: Float32Array, eps: number): Matrix =>
  x.map((row) => {
    const mean = row.reduce((a, b) => a + b, 0) / row.length;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length;
    return row.map((v, j) => ((v - mean) / Math.sqrt(variance + eps)) * weight[j] + bias[j]);
  });

const softmax = (row: number[]): number[] => {
  const max = Math.max(...row);
  const exps = row.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / sum);
};

// erf via Abramowitz-Stegun 7.1.26 is only 1e-7 accurate; a series/continued fraction keeps float64 honest.
function erf(x: number): number {
  const t = Math.abs(x);
  if (t > 6) return Math.sign(x);
  let sum = t;
  let term = t;
  for (let n = 1; n < 200; n += 1) {
    term *= (-t * t) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17) break;
  }
  return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
}

const gelu = (v: number) => 0.5 * v * (1 + erf(v / Math.SQRT2));

/** Forward pass of one NHWC image (values at [y][x][c] in `image`). */
export function referenceVitForward(config: VitExportConfig, weights: NamedWeights, image: Float32Array, classifier?: NamedWeights): ReferenceVitOutput {
  const w = (name: string) => weights[name].data;
  const { imageSize: size, patchSize: p, width: D, heads } = config;
  const eps = config.layerNormEps ?? 1e-6;
  const grid = size / p;
  const hidden = Math.round(D * config.mlpRatio);
  const dh = D / heads;
  const patches: Matrix = [];
  for (let gy = 0; gy < grid; gy += 1) {
    for (let gx = 0; gx < grid; gx += 1) {
      const vector: number[] = [];
      for (let i = 0; i < p; i += 1) for (let j = 0; j < p; j += 1) for (let c = 0; c < 3; c += 1) vector.push(image[((gy * p + i) * size + gx * p + j) * 3 + c]);
      patches.push(vector);
    }
  }
  let x: Matrix = [Array.from(w('cls_token')), ...matmul(patches, w('patch_embed.weight'), D, w('patch_embed.bias'))];
  const pos = w('pos_embed');
  x = x.map((row, t) => row.map((v, j) => v + pos[t * D + j]));
  const attentions: number[][][] = [];
  for (let b = 0; b < config.depth; b += 1) {
    const pre = `blocks.${b}`;
    const ls = (name: string, j: number) => (config.layerScale > 0 ? w(`${pre}.${name}`)[j] : 1);
    const qkv = matmul(layerNorm(x, w(`${pre}.norm1.weight`), w(`${pre}.norm1.bias`), eps), w(`${pre}.attn.qkv.weight`), 3 * D, w(`${pre}.attn.qkv.bias`));
    const merged: Matrix = x.map(() => new Array<number>(D).fill(0));
    const meanAttention: Matrix = x.map(() => new Array<number>(x.length).fill(0));
    for (let h = 0; h < heads; h += 1) {
      const slice = (row: number[], part: number) => row.slice(part * D + h * dh, part * D + (h + 1) * dh);
      const probs = qkv.map((qRow) => softmax(qkv.map((kRow) => slice(qRow, 0).reduce((a, q, d) => a + q * slice(kRow, 1)[d], 0) / Math.sqrt(dh))));
      probs.forEach((row, t) => {
        row.forEach((pv, s) => {
          meanAttention[t][s] += pv / heads;
          const v = slice(qkv[s], 2);
          for (let d = 0; d < dh; d += 1) merged[t][h * dh + d] += pv * v[d];
        });
      });
    }
    attentions.push(meanAttention);
    const attnOut = matmul(merged, w(`${pre}.attn.proj.weight`), D, w(`${pre}.attn.proj.bias`));
    x = x.map((row, t) => row.map((v, j) => v + ls('ls1', j) * attnOut[t][j]));
    const fc1 = matmul(layerNorm(x, w(`${pre}.norm2.weight`), w(`${pre}.norm2.bias`), eps), w(`${pre}.mlp.fc1.weight`), hidden, w(`${pre}.mlp.fc1.bias`));
    const mlpOut = matmul(fc1.map((row) => row.map(gelu)), w(`${pre}.mlp.fc2.weight`), D, w(`${pre}.mlp.fc2.bias`));
    x = x.map((row, t) => row.map((v, j) => v + ls('ls2', j) * mlpOut[t][j]));
  }
  const normed = layerNorm(x, w('norm.weight'), w('norm.bias'), eps);
  const embedding = normed[0];
  const probabilities = classifier
    ? softmax(matmul([embedding], classifier['head.weight'].data, classifier['head.bias'].shape[0], classifier['head.bias'].data)[0])
    : undefined;
  return { embedding, patchTokens: normed.slice(1), probabilities, attentions };
}

/** Reference rollout: CLS row of prod (0.5 A + 0.5 I), patches only. */
export function referenceRollout(attentions: number[][][]): number[] {
  const T = attentions[0].length;
  let row = attentions[attentions.length - 1][0].map((v, s) => 0.5 * v + (s === 0 ? 0.5 : 0));
  for (let l = attentions.length - 2; l >= 0; l -= 1) {
    const A = attentions[l];
    row = Array.from({ length: T }, (_, s) => row.reduce((acc, r, t) => acc + r * (0.5 * A[t][s] + (t === s ? 0.5 : 0)), 0));
  }
  return row.slice(1);
}
