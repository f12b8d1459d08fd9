import * as tf from '@tensorflow/tfjs-core';
import type { VitModel } from './create-vit';
import { type BlockDrops, blockForward } from './vit-block';

/**
 * Gradients of `f` at `xs` for upstream `dy`, called from inside another gradient computation's backward pass.
 * tfjs's `gradients` treats a call at gradient depth 0 as the outermost one: it starts a fresh tape and, when done,
 * disposes that tape's saved tensors and sets `activeTape` to null. The outer backward pass still needs its own
 * tape afterwards (it disposes that tape's saved tensors at its end), so the tape is put back here.
 */
function nestedGradients(
  f: (...args: tf.Tensor[]) => tf.Tensor,
  xs: tf.Tensor[],
  dy: tf.Tensor,
): tf.Tensor[] {
  const { state } = tf.engine();
  const outerTape = state.activeTape;
  try {
    const { value, grads } = tf.valueAndGrads(f)(xs, dy);
    // The recomputed output would otherwise live until the end of the whole backward pass.
    value.dispose();
    return grads;
  } finally {
    state.activeTape = outerTape;
  }
}

/** Names of block `index`'s weights, in the model's order. */
export function blockWeightNames(model: VitModel, index: number): string[] {
  const prefix = `blocks.${index}.`;
  return Object.keys(model.weights).filter((name) => name.startsWith(prefix));
}

/**
 * Samples per recompute in the backward pass: the block's largest intermediate (the MLP hidden layer or the
 * attention scores) stays under `maxElements` floats per chunk. The block treats samples independently, so chunks
 * give the same input gradients and sum the weight gradients over samples in another order.
 */
export function recomputeChunkSize(model: VitModel, tokens: number, maxElements: number): number {
  const { width, heads, mlpRatio } = model.config;
  const largest = tokens * Math.max(Math.round(width * mlpRatio) * 2, heads * tokens, 3 * width);
  return Math.max(1, Math.floor(maxElements / largest));
}

/**
 * Block `index` with activation checkpointing: the forward pass keeps only the block's input (and its drop-path
 * scales); the backward pass runs the block again on that input under a tape of its own, in chunks of samples,
 * and differentiates it with respect to the input and the block's weights. The weights are inputs of the custom
 * op, so that the outer `variableGrads` receives their gradients through it; the activations of one chunk of one
 * block exist at a time. `maxChunkElements` (default 2^21 floats, 8 MB per intermediate) sets the chunk size.
 */
export function checkpointedBlock(
  model: VitModel,
  index: number,
  x: tf.Tensor3D,
  drops: BlockDrops,
  maxChunkElements = 2 ** 21,
): tf.Tensor3D {
  const params = blockWeightNames(model, index).map((name) => model.weights[name]);
  const scales = [drops.attn, drops.mlp].filter((t): t is tf.Tensor => t !== null);
  const [batch, tokens] = x.shape;
  const chunk = recomputeChunkSize(model, tokens, maxChunkElements);
  const block = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const input = args[0] as tf.Tensor3D;
    const save = args[args.length - 1] as tf.GradSaveFunc;
    // Saved tensors outlive the forward pass's tidy scope; the drop-path scales were created inside it.
    save([input, ...scales]);
    return {
      value: blockForward(model, index, input, drops),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedInput, ...savedScales] = saved;
        const rows = (t: tf.Tensor | null, start: number, size: number) =>
          t && (size === batch ? t : tf.slice(t, start, size));
        let sums: tf.Tensor[] | null = null;
        const inputGrads: tf.Tensor[] = [];
        for (let start = 0; start < batch; start += chunk) {
          const size = Math.min(chunk, batch - start);
          const previous: tf.Tensor[] | null = sums;
          const [dx, ...paramGrads] = tf.tidy((): tf.Tensor[] => {
            const chunkDrops: BlockDrops = {
              attn: rows(drops.attn ? savedScales[0] : null, start, size),
              mlp: rows(drops.mlp ? savedScales[drops.attn ? 1 : 0] : null, start, size),
            };
            // The block reads its weights from the model: they are the very tensors passed as inputs here.
            const recompute = (chunkInput: tf.Tensor) =>
              blockForward(model, index, chunkInput as tf.Tensor3D, chunkDrops);
            const grads = nestedGradients(
              recompute,
              [rows(savedInput, start, size)!, ...params],
              rows(dy, start, size)!,
            );
            return previous ? [grads[0], ...grads.slice(1).map((g, i) => tf.add(previous[i], g))] : grads;
          });
          if (previous) tf.dispose(previous);
          inputGrads.push(dx);
          sums = paramGrads;
        }
        return [inputGrads.length === 1 ? inputGrads[0] : tf.concat(inputGrads, 0), ...sums!];
      },
    };
  });
  return block(x, ...params) as tf.Tensor3D;
}
