import * as tf from '@tensorflow/tfjs-core';
import { gelu, layerNorm, linear } from '../nn/layers';
import type { VitModel } from './create-vit';

/** Drop-path scales [B, 1, 1] of a block's two residual branches (null = keep every sample). */
export interface BlockDrops {
  attn: tf.Tensor | null;
  mlp: tf.Tensor | null;
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

/** Transformer block `index` (pre-norm): x + ls1 * Attn(LN1(x)), then + ls2 * MLP(LN2(x)). */
export function blockForward(model: VitModel, index: number, x: tf.Tensor3D, drops: BlockDrops): tf.Tensor3D {
  const w = model.weights;
  const p = `blocks.${index}.`;
  const eps = model.config.layerNormEps;
  const afterAttention = residual(
    model,
    x,
    attention(model, p, layerNorm(x, w[`${p}norm1.weight`], w[`${p}norm1.bias`], eps) as tf.Tensor3D),
    `${p}ls1`,
    drops.attn,
  );
  return residual(
    model,
    afterAttention,
    mlp(model, p, layerNorm(afterAttention, w[`${p}norm2.weight`], w[`${p}norm2.bias`], eps) as tf.Tensor3D),
    `${p}ls2`,
    drops.mlp,
  );
}
