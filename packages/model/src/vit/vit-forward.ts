import * as tf from '@tensorflow/tfjs-core';
import { gelu, layerNorm, linear } from '../nn/layers';
import type { Rng } from '../random';
import type { VitModel } from './create-vit';

export interface VitForwardOptions {
  /** [B, N] boolean (or 0/1) tensor: masked patches are replaced by the mask token. */
  mask?: tf.Tensor;
  /** Enables drop-path (needs `rng`). */
  training?: boolean;
  rng?: Rng;
}

export interface VitOutput {
  cls: tf.Tensor2D;
  patches: tf.Tensor3D;
}

/** [B, H, W, 3] -> [B, N, p*p*3] in contract order (row-in-patch, col-in-patch, channel). */
export function patchify(x: tf.Tensor4D, patchSize: number): tf.Tensor3D {
  const [batch, height, width, channels] = x.shape;
  const rows = height / patchSize;
  const cols = width / patchSize;
  const grid = tf.reshape(x, [batch * rows, patchSize, cols, patchSize * channels]);
  // [B*rows, p, cols, p*3] -> [B*rows, cols, p, p*3]: a 4-D transpose, cheaper than the 6-D one it equals.
  const patches = tf.transpose(grid, [0, 2, 1, 3]);
  return tf.reshape(patches, [batch, rows * cols, patchSize * patchSize * channels]);
}

/** Patch part of pos_embed resized to another grid (training crops of another size). */
function positionEmbedding(model: VitModel, grid: number): tf.Tensor2D {
  const posEmbed = model.weights.pos_embed;
  const tokens = posEmbed.shape[0] - 1;
  const native = Math.round(Math.sqrt(tokens));
  if (grid === native) return posEmbed as tf.Tensor2D;
  const D = model.config.width;
  const clsPos = tf.slice(posEmbed, [0, 0], [1, D]);
  const patchPos = tf.reshape(tf.slice(posEmbed, [1, 0], [tokens, D]), [1, native, native, D]);
  const resized = tf.image.resizeBilinear(patchPos as tf.Tensor4D, [grid, grid], false, true);
  return tf.concat([clsPos, tf.reshape(resized, [grid * grid, D])], 0) as tf.Tensor2D;
}

function dropPathScale(batch: number, rate: number, rng: Rng): tf.Tensor {
  const keep = 1 - rate;
  const values = new Float32Array(batch);
  for (let i = 0; i < batch; i++) values[i] = rng.next() < keep ? 1 / keep : 0;
  return tf.tensor(values, [batch, 1, 1]);
}

/**
 * Multi-head attention on x [B, T, D]. Heads are folded into the batch dimension once so the batched
 * matmuls see [B*heads, T, dh] and only 4-D transposes are needed.
 */
function attention(model: VitModel, prefix: string, x: tf.Tensor3D): tf.Tensor3D {
  const { width: D, heads } = model.config;
  const [batch, tokens] = x.shape;
  const dh = D / heads;
  const w = model.weights;
  const flat = tf.reshape(x, [batch * tokens, D]);
  const qkvWeight = w[`${prefix}attn.qkv.weight`];
  const qkvBias = w[`${prefix}attn.qkv.bias`];
  // One product per q/k/v on a slice of the [D, 3D] weight: slicing the small weight is cheaper than
  // splitting the large [B*T, 3D] activation, and each third folds heads into the batch with a 4-D transpose.
  const [q, k, v] = [0, 1, 2].map((part) => {
    const projected = linear(
      flat,
      tf.slice(qkvWeight, [0, part * D], [D, D]),
      tf.slice(qkvBias, [part * D], [D]),
    );
    return tf.reshape(tf.transpose(tf.reshape(projected, [batch, tokens, heads, dh]), [0, 2, 1, 3]), [
      batch * heads,
      tokens,
      dh,
    ]);
  });
  // The wasm backend multiplies batched matrices with a naive loop whatever the transpose flags.
  const scores = tf.matMul(tf.mul(q, 1 / Math.sqrt(dh)), k, false, true);
  const mixed = tf.matMul(tf.softmax(scores), v);
  const merged = tf.reshape(tf.transpose(tf.reshape(mixed, [batch, heads, tokens, dh]), [0, 2, 1, 3]), [
    batch * tokens,
    D,
  ]);
  const out = linear(merged, w[`${prefix}attn.proj.weight`], w[`${prefix}attn.proj.bias`]);
  return tf.reshape(out, [batch, tokens, D]);
}

function mlp(model: VitModel, prefix: string, x: tf.Tensor3D): tf.Tensor3D {
  const [batch, tokens, D] = x.shape;
  const w = model.weights;
  if (model.config.ffn === 'swiglu') return swiglu(model, prefix, x);
  const hidden = gelu(
    linear(tf.reshape(x, [batch * tokens, D]), w[`${prefix}mlp.fc1.weight`], w[`${prefix}mlp.fc1.bias`]),
  );
  const out = linear(hidden as tf.Tensor2D, w[`${prefix}mlp.fc2.weight`], w[`${prefix}mlp.fc2.bias`]);
  return tf.reshape(out, [batch, tokens, D]);
}

/** DINOv2's SwiGLUFFNFused: x1, x2 = split(x W12 + b12); (silu(x1) * x2) W3 + b3. */
function swiglu(model: VitModel, prefix: string, x: tf.Tensor3D): tf.Tensor3D {
  const [batch, tokens, D] = x.shape;
  const w = model.weights;
  const flat = tf.reshape(x, [batch * tokens, D]);
  const hidden = w[`${prefix}mlp.w3.weight`].shape[0];
  const x12 = linear(flat, w[`${prefix}mlp.w12.weight`], w[`${prefix}mlp.w12.bias`]);
  const [x1, x2] = tf.split(x12, [hidden, hidden], 1);
  const gated = tf.mul(tf.mul(x1, tf.sigmoid(x1)), x2);
  const out = linear(gated, w[`${prefix}mlp.w3.weight`], w[`${prefix}mlp.w3.bias`]);
  return tf.reshape(out, [batch, tokens, D]);
}

function residual(
  model: VitModel,
  x: tf.Tensor3D,
  branch: tf.Tensor,
  scale: string,
  drop: tf.Tensor | null,
): tf.Tensor3D {
  let update = branch;
  const ls = model.weights[scale];
  if (ls) update = tf.mul(update, ls);
  if (drop) update = tf.mul(update, drop);
  return tf.add(x, update);
}

/** Plain ViT forward following src/vit/CONTRACT.md. Call inside tf.tidy (or dispose the outputs). */
export function vitForward(model: VitModel, x: tf.Tensor4D, options: VitForwardOptions = {}): VitOutput {
  const { config, weights: w } = model;
  const [batch, height, width] = x.shape;
  if (x.rank !== 4 || x.shape[3] !== 3)
    throw new Error(`vitForward: input must be [B, H, W, 3], got [${x.shape}]`);
  if (height !== width || height % config.patchSize !== 0) {
    throw new Error(
      `vitForward: input ${height}x${width} must be square and a multiple of patchSize ${config.patchSize}`,
    );
  }
  const grid = height / config.patchSize;
  const N = grid * grid;
  const D = config.width;
  const eps = config.layerNormEps;
  const patches = patchify(x, config.patchSize);
  let tokens = tf.reshape(
    linear(
      tf.reshape(patches, [batch * N, patches.shape[2]]),
      w['patch_embed.weight'],
      w['patch_embed.bias'],
    ),
    [batch, N, D],
  ) as tf.Tensor3D;
  if (options.mask) {
    if (options.mask.shape[0] !== batch || options.mask.shape[1] !== N) {
      throw new Error(`vitForward: mask must be [${batch}, ${N}], got [${options.mask.shape}]`);
    }
    const m = tf.reshape(tf.cast(options.mask, 'float32'), [batch, N, 1]);
    tokens = tf.add(tf.mul(tokens, tf.sub(1, m)), tf.mul(m, w.mask_token));
  }
  const cls = tf.broadcastTo(tf.reshape(w.cls_token, [1, 1, D]), [batch, 1, D]);
  let h = tf.add(tf.concat([cls, tokens], 1), positionEmbedding(model, grid)) as tf.Tensor3D;
  // Register tokens go between CLS and the patches after the position embeddings (they have none).
  const registers = config.registers ?? 0;
  if (registers > 0) {
    const reg = tf.broadcastTo(tf.reshape(w.register_tokens, [1, registers, D]), [batch, registers, D]);
    h = tf.concat(
      [tf.slice(h, [0, 0, 0], [batch, 1, D]), reg, tf.slice(h, [0, 1, 0], [batch, N, D])],
      1,
    ) as tf.Tensor3D;
  }
  const useDropPath = options.training === true && config.dropPath > 0;
  if (useDropPath && !options.rng) throw new Error('vitForward: training with dropPath needs options.rng');
  for (let i = 0; i < config.depth; i++) {
    const p = `blocks.${i}.`;
    const rate = config.depth > 1 ? (config.dropPath * i) / (config.depth - 1) : config.dropPath;
    const drop1 = useDropPath && rate > 0 ? dropPathScale(batch, rate, options.rng!) : null;
    h = residual(
      model,
      h,
      attention(model, p, layerNorm(h, w[`${p}norm1.weight`], w[`${p}norm1.bias`], eps) as tf.Tensor3D),
      `${p}ls1`,
      drop1,
    );
    const drop2 = useDropPath && rate > 0 ? dropPathScale(batch, rate, options.rng!) : null;
    h = residual(
      model,
      h,
      mlp(model, p, layerNorm(h, w[`${p}norm2.weight`], w[`${p}norm2.bias`], eps) as tf.Tensor3D),
      `${p}ls2`,
      drop2,
    );
  }
  const normed = layerNorm(h, w['norm.weight'], w['norm.bias'], eps);
  return {
    cls: tf.reshape(tf.slice(normed, [0, 0, 0], [batch, 1, D]), [batch, D]),
    patches: tf.slice(normed, [0, 1 + registers, 0], [batch, N, D]) as tf.Tensor3D,
  };
}
