import { mlpHidden } from '../vit/config';
import type { OnnxGraphBuilder } from './graph-builder';
import { requireWeight, scaleColumns } from './weight-lookup';
import type { NamedWeights, VitExportConfig } from './vit-export-types';

export interface BlockGraphContext {
  graph: OnnxGraphBuilder;
  weights: NamedWeights;
  config: VitExportConfig;
}

/** Emits `x @ W + b` with weights taken (optionally transformed) from the named-weights record. */
export function emitLinear(ctx: BlockGraphContext, x: string, prefix: string, shape: [number, number], columnFactor?: (column: number) => number): string {
  const { graph, weights } = ctx;
  const weight = requireWeight(weights, `${prefix}.weight`, shape);
  const bias = requireWeight(weights, `${prefix}.bias`, [shape[1]]);
  const weightData = columnFactor ? scaleColumns(weight.data, shape[1], columnFactor) : weight.data;
  const biasData = columnFactor ? scaleColumns(bias.data, shape[1], columnFactor) : bias.data;
  graph.addInitializer(`${prefix}.weight`, shape, weightData);
  graph.addInitializer(`${prefix}.bias`, [shape[1]], biasData);
  const product = graph.nameValue(`${prefix}.matmul`);
  const sum = graph.nameValue(`${prefix}.out`);
  graph.addNode('MatMul', [x, `${prefix}.weight`], [product]);
  graph.addNode('Add', [product, `${prefix}.bias`], [sum]);
  return sum;
}

export function emitLayerNorm(ctx: BlockGraphContext, x: string, prefix: string): string {
  const { graph, weights, config } = ctx;
  const width = config.width;
  graph.addInitializer(`${prefix}.weight`, [width], requireWeight(weights, `${prefix}.weight`, [width]).data);
  graph.addInitializer(`${prefix}.bias`, [width], requireWeight(weights, `${prefix}.bias`, [width]).data);
  const out = graph.nameValue(`${prefix}.out`);
  graph.addNode('LayerNormalization', [x, `${prefix}.weight`, `${prefix}.bias`], [out], {
    axis: { int: -1 },
    epsilon: config.layerNormEps ?? 1e-6,
  });
  return out;
}

/** Exact GELU, 0.5 x (1 + erf(x / sqrt 2)); opset 17 has no Gelu op, onnxruntime fuses this pattern into one. */
export function emitGelu(ctx: BlockGraphContext, x: string): string {
  const { graph } = ctx;
  const scaled = graph.nameValue('gelu.scaled');
  const erf = graph.nameValue('gelu.erf');
  const onePlus = graph.nameValue('gelu.one_plus');
  const product = graph.nameValue('gelu.product');
  const out = graph.nameValue('gelu.out');
  graph.addNode('Div', [x, 'const.sqrt2'], [scaled]);
  graph.addNode('Erf', [scaled], [erf]);
  graph.addNode('Add', [erf, 'const.one'], [onePlus]);
  graph.addNode('Mul', [x, onePlus], [product]);
  graph.addNode('Mul', [product, 'const.half'], [out]);
  return out;
}

/** DINOv2's fused SwiGLU up to w3: x1, x2 = split(x W12 + b12); silu(x1) * x2. */
function emitSwiglu(ctx: BlockGraphContext, x: string, prefix: string, hidden: number): string {
  const { graph, config } = ctx;
  const x12 = emitLinear(ctx, x, `${prefix}.mlp.w12`, [config.width, 2 * hidden]);
  const splitName = `const.swiglu_split_${hidden}`;
  if (!graph.hasValue(splitName)) graph.addInt64Constant(splitName, [hidden, hidden]);
  const [x1, x2, gate, silu, out] = ['x1', 'x2', 'gate', 'silu', 'gated'].map((part) => graph.nameValue(`${prefix}.mlp.${part}`));
  graph.addNode('Split', [x12, splitName], [x1, x2], { axis: { int: -1 } });
  graph.addNode('Sigmoid', [x1], [gate]);
  graph.addNode('Mul', [x1, gate], [silu]);
  graph.addNode('Mul', [silu, x2], [out]);
  return out;
}

/** Layer-scale vector of a block, or undefined when LayerScale is disabled (acts as 1). */
function layerScaleFactor(ctx: BlockGraphContext, name: string): ((column: number) => number) | undefined {
  if (!(ctx.config.layerScale > 0)) return undefined;
  const scale = requireWeight(ctx.weights, name, [ctx.config.width]).data;
  return (column) => scale[column];
}

/** Multi-head self-attention; returns the residual branch and the head-averaged attention [B, T, T]. */
function emitAttention(ctx: BlockGraphContext, x: string, index: number): { out: string; attention: string } {
  const { graph, config } = ctx;
  const { width, heads } = config;
  const headDim = width / heads;
  const prefix = `blocks.${index}.attn`;
  // 1/sqrt(dh) is folded into the q columns of qkv, so no Div runs on the [B, h, T, T] scores.
  const queryScale = 1 / Math.sqrt(headDim);
  const qkv = emitLinear(ctx, x, `${prefix}.qkv`, [width, 3 * width], (column) => (column < width ? queryScale : 1));
  const split = graph.nameValue(`${prefix}.heads`);
  const perHead = graph.nameValue(`${prefix}.heads_t`);
  graph.addNode('Reshape', [qkv, 'const.qkv_heads_shape'], [split]);
  graph.addNode('Transpose', [split], [perHead], { perm: { ints: [0, 2, 1, 3] } });
  const [q, k, v] = ['q', 'k', 'v'].map((part) => graph.nameValue(`${prefix}.${part}`));
  graph.addNode('Split', [perHead, 'const.qkv_split'], [q, k, v], { axis: { int: 1 } });
  const keyT = graph.nameValue(`${prefix}.k_t`);
  const scores = graph.nameValue(`${prefix}.scores`);
  const probs = graph.nameValue(`${prefix}.probs`);
  const context = graph.nameValue(`${prefix}.context`);
  const contextT = graph.nameValue(`${prefix}.context_t`);
  const merged = graph.nameValue(`${prefix}.merged`);
  const attention = graph.nameValue(`${prefix}.mean_probs`);
  graph.addNode('Transpose', [k], [keyT], { perm: { ints: [0, 1, 3, 2] } });
  graph.addNode('MatMul', [q, keyT], [scores]);
  graph.addNode('Softmax', [scores], [probs], { axis: { int: -1 } });
  graph.addNode('MatMul', [probs, v], [context]);
  graph.addNode('Transpose', [context], [contextT], { perm: { ints: [0, 2, 1, 3] } });
  graph.addNode('Reshape', [contextT, 'const.tokens_shape'], [merged]);
  graph.addNode('ReduceMean', [probs], [attention], { axes: { ints: [1] }, keepdims: { int: 0 } });
  const out = emitLinear(ctx, merged, `${prefix}.proj`, [width, width], layerScaleFactor(ctx, `blocks.${index}.ls1`));
  return { out, attention };
}

/** One pre-norm block; LayerScale is folded into proj / fc2 (ls * (xW + b) = x (W ls) + b ls). */
export function emitBlock(ctx: BlockGraphContext, x: string, index: number): { out: string; attention: string } {
  const { graph, config } = ctx;
  const width = config.width;
  const hidden = mlpHidden(config);
  const prefix = `blocks.${index}`;
  const normed1 = emitLayerNorm(ctx, x, `${prefix}.norm1`);
  const { out: attnOut, attention } = emitAttention(ctx, normed1, index);
  const afterAttn = graph.nameValue(`${prefix}.residual1`);
  graph.addNode('Add', [x, attnOut], [afterAttn]);
  const normed2 = emitLayerNorm(ctx, afterAttn, `${prefix}.norm2`);
  const ls2 = layerScaleFactor(ctx, `${prefix}.ls2`);
  const fc2 =
    config.ffn === 'swiglu'
      ? emitLinear(ctx, emitSwiglu(ctx, normed2, prefix, hidden), `${prefix}.mlp.w3`, [hidden, width], ls2)
      : emitLinear(ctx, emitGelu(ctx, emitLinear(ctx, normed2, `${prefix}.mlp.fc1`, [width, hidden])), `${prefix}.mlp.fc2`, [hidden, width], ls2);
  const out = graph.nameValue(`${prefix}.out`);
  graph.addNode('Add', [afterAttn, fc2], [out]);
  return { out, attention };
}
