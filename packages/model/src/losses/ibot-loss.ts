import * as tf from '@tensorflow/tfjs-core';
import { prototypeCrossEntropy } from '../heads/prototype-scores';
import { softCrossEntropy } from './soft-cross-entropy';

export interface MaskedPositions {
  /** Flat row indices b * N + n of masked patches, image by image. */
  indices: Int32Array;
  /** 1 / (masked patches of that image), one per index. */
  weights: Float32Array;
  /** Images the loss is averaged over (all student global crops, masked or not, as in DINOv2). */
  images: number;
}

/** Flattens per-image boolean masks [B][N] into indices and per-patch weights. */
export function maskedPositions(masks: ArrayLike<number | boolean>[]): MaskedPositions {
  const indices: number[] = [];
  const weights: number[] = [];
  masks.forEach((mask, b) => {
    const masked: number[] = [];
    for (let n = 0; n < mask.length; n++) if (mask[n]) masked.push(b * mask.length + n);
    for (const index of masked) {
      indices.push(index);
      weights.push(1 / masked.length);
    }
  });
  return { indices: Int32Array.from(indices), weights: Float32Array.from(weights), images: masks.length };
}

export interface IbotLossInput {
  /** Student patch-head scores at the masked positions [M, K]. */
  studentLogits?: tf.Tensor2D;
  /**
   * Instead of the scores: the student head's bottleneck features [M, d] and prototype weight v [d, K], so the
   * prototype layer and the cross-entropy run as one op that keeps no [M, K] tensor for the backward pass.
   */
  studentHead?: { bottleneck: tf.Tensor2D; prototypes: tf.Tensor2D };
  /** Teacher targets at the same positions [M, K]. */
  teacherProbs: tf.Tensor2D;
  positions: MaskedPositions;
  studentTemperature?: number;
}

/** -sum_i w_i sum_k t_ik log_softmax(s_i / tau)_k / images; 0 when nothing is masked. */
export function ibotLoss({
  studentLogits,
  studentHead,
  teacherProbs,
  positions,
  studentTemperature = 0.1,
}: IbotLossInput): tf.Scalar {
  if (!studentLogits === !studentHead) throw new Error('ibotLoss: give either studentLogits or studentHead');
  const studentRows = studentLogits?.shape[0] ?? studentHead!.bottleneck.shape[0];
  if (studentRows !== positions.indices.length || teacherProbs.shape[0] !== positions.indices.length) {
    throw new Error(
      `ibotLoss: expected ${positions.indices.length} masked rows, got student ${studentRows}, teacher ${teacherProbs.shape[0]}`,
    );
  }
  return tf.tidy(() => {
    if (positions.indices.length === 0) return tf.scalar(0);
    const crossEntropy = studentHead
      ? prototypeCrossEntropy(
          studentHead.bottleneck,
          studentHead.prototypes,
          teacherProbs,
          studentTemperature,
        )
      : softCrossEntropy(studentLogits!, teacherProbs, studentTemperature);
    return tf.div(
      tf.sum(tf.mul(crossEntropy, tf.tensor1d(positions.weights))),
      positions.images,
    ) as tf.Scalar;
  });
}
