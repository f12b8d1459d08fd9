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
 * Block `index` with activation checkpointing: the forward pass keeps only the block's input (and its drop-path
 * scales); the backward pass runs the block again on that input under a tape of its own and differentiates it
 * with respect to the input and the block's weights. The weights are inputs of the custom op, so that the outer
 * `variableGrads` receives their gradients through it; the activations of one block exist at a time.
 */
export function checkpointedBlock(
  model: VitModel,
  index: number,
  x: tf.Tensor3D,
  drops: BlockDrops,
): tf.Tensor3D {
  const params = blockWeightNames(model, index).map((name) => model.weights[name]);
  const scales = [drops.attn, drops.mlp].filter((t): t is tf.Tensor => t !== null);
  const block = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const input = args[0] as tf.Tensor3D;
    const save = args[args.length - 1] as tf.GradSaveFunc;
    // Saved tensors outlive the forward pass's tidy scope; the drop-path scales were created inside it.
    save([input, ...scales]);
    return {
      value: blockForward(model, index, input, drops),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedInput, ...savedScales] = saved;
        const savedDrops: BlockDrops = {
          attn: drops.attn ? savedScales[0] : null,
          mlp: drops.mlp ? savedScales[drops.attn ? 1 : 0] : null,
        };
        // The block reads its weights from the model: they are the very tensors passed as inputs here.
        const recompute = (recomputeInput: tf.Tensor) =>
          blockForward(model, index, recomputeInput as tf.Tensor3D, savedDrops);
        return nestedGradients(recompute, [savedInput, ...params], dy);
      },
    };
  });
  return block(x, ...params) as tf.Tensor3D;
}
