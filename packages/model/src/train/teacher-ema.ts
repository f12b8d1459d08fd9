import * as tf from '@tensorflow/tfjs-core';
import { type Network, namespaced } from './pretrain-state';

/** teacher <- m * teacher + (1 - m) * student, for backbone and both heads. */
export function updateTeacher(teacher: Network, student: Network, momentum: number): void {
  const source = namespaced(student);
  // A tidy per tensor, so that only one tensor's temporaries exist at a time.
  for (const [name, t] of Object.entries(namespaced(teacher))) {
    tf.tidy(() => {
      t.assign(tf.add(tf.mul(t, momentum), tf.mul(source[name], 1 - momentum)));
    });
  }
}
