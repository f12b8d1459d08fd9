import * as tf from '@tensorflow/tfjs-core';
import { l2Normalize } from '../nn/layers';

/**
 * KoLeo regulariser (Sablayrolles et al.): -mean_i log(distance of x_i to its nearest neighbour) over the
 * L2-normalised rows of one crop's batch. For unit vectors ||a - b||^2 = 2 - 2 a.b, so the nearest neighbour
 * is the largest off-diagonal dot product and no gather is needed (wasm has no gradient kernel for gather).
 */
export function koleoLoss(features: tf.Tensor2D, eps = 1e-8): tf.Scalar {
  const rows = features.shape[0];
  if (rows < 2) throw new Error(`koleoLoss: needs at least 2 rows to find neighbours, got ${rows}`);
  return tf.tidy(() => {
    const x = l2Normalize(features) as tf.Tensor2D;
    const dots = tf.matMul(x, tf.transpose(x));
    // Push the diagonal below any real dot product (>= -1) so a row is never its own neighbour.
    const offDiagonal = tf.sub(dots, tf.mul(tf.eye(rows), 3));
    const nearest = tf.max(offDiagonal, 1);
    const distance = tf.sqrt(tf.add(tf.relu(tf.sub(2, tf.mul(2, nearest))), 1e-16));
    return tf.neg(tf.mean(tf.log(tf.add(distance, eps)))) as tf.Scalar;
  });
}
