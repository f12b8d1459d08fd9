import * as tf from '@tensorflow/tfjs-core';
import { layerNorm, linear } from '../nn/layers';
import type { Rng } from '../random';
import { checkpointedBlock } from './checkpointed-block';
import type { VitModel } from './create-vit';
import { blockForward } from './vit-block';

export interface VitForwardOptions {
  /** [B, N] boolean (or 0/1) tensor: masked patches are replaced by the mask token. */
  mask?: tf.Tensor;
  /** Enables drop-path (needs `rng`). */
  training?: boolean;
  rng?: Rng;
  /**
   * Activation checkpointing: keep only each block's input for the backward pass and recompute the block's
   * activations there (less memory, one more forward of the blocks). Same values and gradients.
   */
  checkpoint?: boolean;
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
    const rate = config.depth > 1 ? (config.dropPath * i) / (config.depth - 1) : config.dropPath;
    const drawDrop = () => (useDropPath && rate > 0 ? dropPathScale(batch, rate, options.rng!) : null);
    const attn = drawDrop();
    const drops = { attn, mlp: drawDrop() };
    const input = h;
    // A tidy per block: without a tape (teacher, evaluation) a block's intermediates are freed before the next
    // block runs, instead of all 12 blocks' at the caller's scope end (gigabytes for ViT-S at batch 8); under a
    // tape the gradients keep what they need as saved tensors, which a tidy does not dispose.
    h = tf.tidy(() =>
      options.checkpoint ? checkpointedBlock(model, i, input, drops) : blockForward(model, i, input, drops),
    );
  }
  const normed = layerNorm(h, w['norm.weight'], w['norm.bias'], eps);
  return {
    cls: tf.reshape(tf.slice(normed, [0, 0, 0], [batch, 1, D]), [batch, D]),
    patches: tf.slice(normed, [0, 1 + registers, 0], [batch, N, D]) as tf.Tensor3D,
  };
}
