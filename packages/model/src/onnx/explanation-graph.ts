import type { OnnxGraphBuilder } from './graph-builder';
import type { VitOutputName } from './vit-export-types';

/**
 * Explanation maps from the head-averaged attention of every block ([B, T, T], T = 1 + N):
 * - `cls_attention` [B, N]: the last block's CLS row over the patches (DINO's attention map);
 * - `attention_rollout` [B, N]: Abnar & Zuidema rollout, CLS row of prod_l (0.5 A_l + 0.5 I).
 * Rollout is computed as a row vector times matrices from the last block down, O(L T^2) instead of O(L T^3).
 */
export function emitExplanationOutputs(graph: OnnxGraphBuilder, attentions: string[], tokens: number, firstPatch: number, wanted: Set<VitOutputName>): void {
  const patches = tokens - firstPatch;
  const last = attentions[attentions.length - 1];
  graph.addInt64Constant('const.patch_map_shape', [0, -1]);
  if (wanted.has('cls_attention')) {
    const clsRow = clsRowPatches(graph, last, 'cls_attention.row');
    graph.addNode('Reshape', [clsRow, 'const.patch_map_shape'], ['cls_attention']);
    graph.addOutput('cls_attention', ['batch', patches]);
  }
  if (!wanted.has('attention_rollout')) return;
  const halfIdentity = new Float32Array(tokens * tokens);
  for (let i = 0; i < tokens; i += 1) halfIdentity[i * tokens + i] = 0.5;
  graph.addInitializer('const.rollout_half_identity', [tokens, tokens], halfIdentity);
  const withResidual = attentions.map((attention, index) => {
    const halved = graph.nameValue(`rollout.${index}.half`);
    const mixed = graph.nameValue(`rollout.${index}.mixed`);
    graph.addNode('Mul', [attention, 'const.half'], [halved]);
    graph.addNode('Add', [halved, 'const.rollout_half_identity'], [mixed]);
    return mixed;
  });
  let row = graph.nameValue('rollout.row');
  graph.addNode('Slice', [withResidual[withResidual.length - 1], 'const.zero_1d', 'const.one_1d', 'const.one_1d'], [row]);
  for (let index = withResidual.length - 2; index >= 0; index -= 1) {
    const next = graph.nameValue('rollout.row');
    graph.addNode('MatMul', [row, withResidual[index]], [next]);
    row = next;
  }
  const rolloutPatches = graph.nameValue('rollout.patches');
  graph.addNode('Slice', [row, 'const.first_patch_1d', 'const.end_1d', 'const.two_1d'], [rolloutPatches]);
  graph.addNode('Reshape', [rolloutPatches, 'const.patch_map_shape'], ['attention_rollout']);
  graph.addOutput('attention_rollout', ['batch', patches]);
}

/** Row 0 (CLS as query) and the patch columns (keys after CLS and registers) of a [B, T, T] attention: [B, 1, N]. */
function clsRowPatches(graph: OnnxGraphBuilder, attention: string, hint: string): string {
  const row = graph.nameValue(hint);
  const patches = graph.nameValue(`${hint}.patches`);
  graph.addNode('Slice', [attention, 'const.zero_1d', 'const.one_1d', 'const.one_1d'], [row]);
  graph.addNode('Slice', [row, 'const.first_patch_1d', 'const.end_1d', 'const.two_1d'], [patches]);
  return patches;
}
