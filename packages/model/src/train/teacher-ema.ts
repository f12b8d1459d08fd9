import * as tf from '@tensorflow/tfjs-core';
import { type Network, namespaced } from './pretrain-state';

/** teacher <- m * teacher + (1 - m) * student, for backbone and both heads. */
export function updateTeacher(teacher: Network, student: Network, momentum: number): void {
  const source = namespaced(student);
  tf.tidy(() => {
    for (const [name, t] of Object.entries(namespaced(teacher))) {
      t.assign(tf.add(tf.mul(t, momentum), tf.mul(source[name], 1 - momentum)));
    }
  });
}
