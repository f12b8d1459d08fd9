import { createGraphBuilder } from './graph-builder';
import { emitBlock, emitLayerNorm, type BlockGraphContext } from './vit-block-graph';
import { emitHeadOutputs } from './head-graph';
import { emitExplanationOutputs } from './explanation-graph';
import { requireWeight, toConvKernel } from './weight-lookup';
import {
  IMAGENET_MEAN,
  IMAGENET_STD,
  METADATA_KEYS,
  VIT_OUTPUT_NAMES,
  type NamedWeights,
  type PreprocessingSpec,
  type VitExportConfig,
  type VitOutputName,
} from './vit-export-types';

export interface ExportVitOptions {
  config: VitExportConfig;
  /** Backbone weights named as in src/vit/CONTRACT.md (getVitWeights output). */
  weights: NamedWeights;
  /** Fine-tuned classifier on the CLS embedding: head.weight [D, C], head.bias [C]. */
  classifier?: { weights: NamedWeights; classNames: string[] };
  /** Pretraining label head scoring diagnosis concepts (multi-label, sigmoid): label_head.weight [D, K], .bias [K]. */
  conceptHead?: { weights: NamedWeights; concepts: string[] };
  /** Graph outputs; defaults to every output available (probabilities only with a classifier). */
  outputs?: VitOutputName[];
  /** Extra metadata_props (e.g. the model version id). */
  metadata?: Record<string, string>;
}

/** Writes the ViT (+ classifier) as an opset-17 ONNX model taking NHWC normalised images `input` [B, H, W, 3]. */
export function exportVitToOnnx(options: ExportVitOptions): Uint8Array {
  const { config, weights, classifier } = options;
  validateExportConfig(config);
  const outputs = resolveOutputs(options);
  const { imageSize, patchSize, width, depth, heads } = config;
  const grid = imageSize / patchSize;
  const registers = config.registers ?? 0;
  const tokens = grid * grid + 1 + registers;
  const graph = createGraphBuilder('dermino_vit');
  const ctx: BlockGraphContext = { graph, weights, config };

  graph.addInput('input', ['batch', imageSize, imageSize, 3]);
  graph.addInitializer('const.sqrt2', [], new Float32Array([Math.SQRT2]));
  graph.addInitializer('const.one', [], new Float32Array([1]));
  graph.addInitializer('const.half', [], new Float32Array([0.5]));
  // The residual stream is kept 2-D, [B*T, D], so onnxruntime fuses every MatMul + bias Add into one Gemm
  // (it does not for 3-D inputs); attention reshapes to [B, T, 3h, dh] and back.
  graph.addInt64Constant('const.qkv_heads_shape', [-1, tokens, 3 * heads, width / heads]);
  graph.addInt64Constant('const.qkv_split', [heads, heads, heads]);
  graph.addInt64Constant('const.tokens_shape', [-1, width]);
  graph.addInt64Constant('const.batch_tokens_shape', [-1, tokens, width]);
  graph.addInt64Constant('const.zero_scalar', [0], { scalar: true });
  graph.addInt64Constant('const.zero_1d', [0]);
  graph.addInt64Constant('const.one_1d', [1]);
  graph.addInt64Constant('const.two_1d', [2]);
  graph.addInt64Constant('const.end_1d', [2 ** 31 - 1]);
  graph.addInt64Constant('const.first_patch_1d', [1 + registers]);

  let x = emitEmbedding(ctx, grid);
  const attentions: string[] = [];
  for (let index = 0; index < depth; index += 1) {
    const block = emitBlock(ctx, x, index);
    x = block.out;
    attentions.push(block.attention);
  }
  const normed = 'norm.tokens';
  graph.addNode('Reshape', [emitLayerNorm(ctx, x, 'norm'), 'const.batch_tokens_shape'], [normed]);

  // Nodes no requested output needs are pruned at serialisation, so every output is emitted here.
  const wanted = new Set(outputs);
  graph.addNode('Gather', [normed, 'const.zero_scalar'], ['embedding'], { axis: { int: 1 } });
  if (wanted.has('embedding')) graph.addOutput('embedding', ['batch', width]);
  if (wanted.has('patch_tokens')) {
    graph.addNode('Slice', [normed, 'const.first_patch_1d', 'const.end_1d', 'const.one_1d'], ['patch_tokens']);
    graph.addOutput('patch_tokens', ['batch', grid * grid, width]);
  }
  emitHeadOutputs(ctx, 'embedding', { classifier, conceptHead: options.conceptHead }, wanted);
  emitExplanationOutputs(graph, attentions, tokens, 1 + registers, wanted);

  const preprocessing: PreprocessingSpec = {
    layout: 'NHWC',
    imageSize,
    resize: 'shorter-side-centre-crop',
    mean: [...IMAGENET_MEAN],
    std: [...IMAGENET_STD],
  };
  return graph.serialize({
    docString: 'DermINO ViT backbone exported by @dermino/model',
    metadata: {
      ...options.metadata,
      [METADATA_KEYS.config]: JSON.stringify(config),
      [METADATA_KEYS.classNames]: JSON.stringify(classifier?.classNames ?? []),
      [METADATA_KEYS.concepts]: JSON.stringify(options.conceptHead?.concepts ?? []),
      [METADATA_KEYS.preprocessing]: JSON.stringify(preprocessing),
      [METADATA_KEYS.outputs]: JSON.stringify(outputs),
    },
  });
}

/** Patch embedding as a strided Conv (equivalent to patchify + matmul), CLS token, position embeddings. */
function emitEmbedding(ctx: BlockGraphContext, grid: number): string {
  const { graph, weights, config } = ctx;
  const { patchSize, width } = config;
  const tokens = grid * grid + 1;
  const registers = config.registers ?? 0;
  const patchWeight = requireWeight(weights, 'patch_embed.weight', [patchSize * patchSize * 3, width]);
  graph.addInitializer('patch_embed.weight', [width, 3, patchSize, patchSize], toConvKernel(patchWeight.data, patchSize, width));
  graph.addInitializer('patch_embed.bias', [width], requireWeight(weights, 'patch_embed.bias', [width]).data);
  graph.addInitializer('cls_token', [1, 1, width], requireWeight(weights, 'cls_token', [width]).data);
  graph.addInitializer('pos_embed', [tokens, width], requireWeight(weights, 'pos_embed', [tokens, width]).data);
  graph.addInt64Constant('const.flatten_grid', [0, 0, -1]);
  graph.addInt64Constant('const.cls_tail', [1, width]);

  graph.addNode('Transpose', ['input'], ['input_nchw'], { perm: { ints: [0, 3, 1, 2] } });
  graph.addNode('Conv', ['input_nchw', 'patch_embed.weight', 'patch_embed.bias'], ['patch_conv'], {
    kernel_shape: { ints: [patchSize, patchSize] },
    strides: { ints: [patchSize, patchSize] },
  });
  graph.addNode('Reshape', ['patch_conv', 'const.flatten_grid'], ['patch_flat']);
  graph.addNode('Transpose', ['patch_flat'], ['patch_tokens_in'], { perm: { ints: [0, 2, 1] } });
  // The CLS token is broadcast to the runtime batch size: Expand to [B, 1, D] with B read from the input.
  graph.addNode('Shape', ['input'], ['input_shape']);
  graph.addNode('Slice', ['input_shape', 'const.zero_1d', 'const.one_1d'], ['batch_dim']);
  graph.addNode('Concat', ['batch_dim', 'const.cls_tail'], ['cls_shape'], { axis: { int: 0 } });
  graph.addNode('Expand', ['cls_token', 'cls_shape'], ['cls_batch']);
  graph.addNode('Concat', ['cls_batch', 'patch_tokens_in'], ['tokens'], { axis: { int: 1 } });
  graph.addNode('Add', ['tokens', 'pos_embed'], ['tokens_pos']);
  let stream = 'tokens_pos';
  if (registers > 0) {
    // Registers sit between CLS and the patches, after the position embeddings (they have none).
    const regData = requireWeight(weights, 'register_tokens', [registers, width]).data;
    graph.addInitializer('register_tokens', [1, registers, width], regData);
    graph.addInt64Constant('const.register_tail', [registers, width]);
    graph.addNode('Concat', ['batch_dim', 'const.register_tail'], ['register_shape'], { axis: { int: 0 } });
    graph.addNode('Expand', ['register_tokens', 'register_shape'], ['register_batch']);
    graph.addNode('Slice', ['tokens_pos', 'const.zero_1d', 'const.one_1d', 'const.one_1d'], ['cls_pos']);
    graph.addNode('Slice', ['tokens_pos', 'const.one_1d', 'const.end_1d', 'const.one_1d'], ['patches_pos']);
    graph.addNode('Concat', ['cls_pos', 'register_batch', 'patches_pos'], ['tokens_reg'], { axis: { int: 1 } });
    stream = 'tokens_reg';
  }
  graph.addNode('Reshape', [stream, 'const.tokens_shape'], ['tokens_flat']);
  return 'tokens_flat';
}

function resolveOutputs(options: ExportVitOptions): VitOutputName[] {
  const needs: Partial<Record<VitOutputName, [unknown, string]>> = {
    probabilities: [options.classifier, 'a classifier'],
    concept_scores: [options.conceptHead, 'a conceptHead'],
  };
  const available = VIT_OUTPUT_NAMES.filter((name) => !needs[name] || needs[name]![0]);
  const outputs = options.outputs ?? available;
  for (const name of outputs) {
    if (!VIT_OUTPUT_NAMES.includes(name)) throw new Error(`ONNX export: unknown output "${name}" (known: ${VIT_OUTPUT_NAMES.join(', ')})`);
    const need = needs[name];
    if (need && !need[0]) throw new Error(`ONNX export: output "${name}" needs ${need[1]}`);
  }
  if (outputs.length === 0) throw new Error('ONNX export: outputs is empty');
  return [...new Set(outputs)];
}

function validateExportConfig(config: VitExportConfig): void {
  const problems: string[] = [];
  for (const key of ['imageSize', 'patchSize', 'width', 'depth', 'heads'] as const) {
    if (!Number.isInteger(config[key]) || config[key] <= 0) problems.push(`${key} must be a positive integer, got ${config[key]}`);
  }
  if (!(config.mlpRatio > 0)) problems.push(`mlpRatio must be > 0, got ${config.mlpRatio}`);
  if (config.imageSize % config.patchSize !== 0) problems.push(`imageSize ${config.imageSize} is not a multiple of patchSize ${config.patchSize}`);
  if (config.registers !== undefined && !(Number.isInteger(config.registers) && config.registers >= 0)) problems.push(`registers must be a non-negative integer, got ${config.registers}`);
  if (config.ffn !== undefined && config.ffn !== 'mlp' && config.ffn !== 'swiglu') problems.push(`ffn must be 'mlp' or 'swiglu', got ${config.ffn}`);
  if (config.width % config.heads !== 0) problems.push(`width ${config.width} is not a multiple of heads ${config.heads}`);
  if (problems.length > 0) throw new Error(`ONNX export: invalid config: ${problems.join('; ')}`);
}
