import * as tf from '@tensorflow/tfjs-core';

export interface LabelLossInput {
  /** Label-head scores [B, C]. */
  logits: tf.Tensor2D;
  /** 1 where the concept applies to the image, 0 otherwise [B, C]. */
  targets: tf.Tensor2D;
  /** 1 where the concept belongs to the label space of the image's source dataset [B, C]; rows of 0 = unlabelled. */
  labelSpace: tf.Tensor2D;
}

/**
 * Multi-label BCE over the concepts in each image's label space, averaged per image, then averaged over the
 * labelled images only (an image is labelled when its label space is not empty). A batch with no labelled
 * image gives exactly 0, never NaN.
 */
export function labelLoss({ logits, targets, labelSpace }: LabelLossInput): tf.Scalar {
  if (
    !tf.util.arraysEqual(logits.shape, targets.shape) ||
    !tf.util.arraysEqual(logits.shape, labelSpace.shape)
  ) {
    throw new Error(
      `labelLoss: logits [${logits.shape}], targets [${targets.shape}] and labelSpace [${labelSpace.shape}] must have one shape`,
    );
  }
  return tf.tidy(() => {
    // Stable BCE with logits: max(x, 0) - x z + log(1 + exp(-|x|)).
    const bce = tf.add(
      tf.sub(tf.relu(logits), tf.mul(logits, targets)),
      tf.log1p(tf.exp(tf.neg(tf.abs(logits)))),
    );
    const perConcept = tf.mul(bce, labelSpace);
    const conceptsPerImage = tf.sum(labelSpace, 1);
    const labelled = tf.cast(tf.greater(conceptsPerImage, 0), 'float32');
    const perImage = tf.div(tf.sum(perConcept, 1), tf.maximum(conceptsPerImage, 1));
    return tf.div(tf.sum(tf.mul(perImage, labelled)), tf.maximum(tf.sum(labelled), 1)) as tf.Scalar;
  });
}
