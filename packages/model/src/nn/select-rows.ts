import * as tf from '@tensorflow/tfjs-core';

/**
 * Rows `indices` of x [R, D]. The gradient is a one-hot product instead of tfjs's gather gradient, which needs
 * UnsortedSegmentSum, a kernel the wasm backend does not have.
 */
export function selectRows(x: tf.Tensor2D, indices: Int32Array): tf.Tensor2D {
  const rows = x.shape[0];
  const fn = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [input, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const index = tf.tensor1d(indices, 'int32');
    save([index]);
    return {
      value: tf.gather(input, index),
      gradFunc: (dy: tf.Tensor, [saved]: tf.Tensor[]) => {
        const scatter = tf.transpose(tf.cast(tf.oneHot(saved as tf.Tensor1D, rows), 'float32'));
        return [tf.matMul(scatter as tf.Tensor2D, dy as tf.Tensor2D)];
      },
    };
  });
  return fn(x) as tf.Tensor2D;
}
