import * as tf from '@tensorflow/tfjs-core';

/** Teacher targets with an EMA centre: softmax((t - c) / tau_t), row-wise. No gradient flows into the teacher. */
export function teacherSoftmaxCentred(
  teacherLogits: tf.Tensor2D,
  centre: tf.Tensor,
  temperature: number,
): tf.Tensor2D {
  return tf.tidy(() => tf.softmax(tf.div(tf.sub(teacherLogits, centre), temperature)) as tf.Tensor2D);
}

/**
 * Sinkhorn-Knopp teacher targets (SwAV / DINOv2): alternately make every prototype carry 1/K of the mass and
 * every sample 1/B, then return rows that sum to 1.
 */
export function sinkhornKnopp(teacherLogits: tf.Tensor2D, temperature: number, iterations = 3): tf.Tensor2D {
  return tf.tidy(() => {
    const [samples, prototypes] = teacherLogits.shape;
    const scaled = tf.div(teacherLogits, temperature);
    // Subtracting the global max leaves the result unchanged (Q is normalised) and keeps exp finite.
    let q: tf.Tensor = tf.exp(tf.sub(scaled, tf.max(scaled)));
    q = tf.div(q, tf.sum(q));
    for (let i = 0; i < iterations; i++) {
      q = tf.div(tf.div(q, tf.sum(q, 0, true)), prototypes);
      q = tf.div(tf.div(q, tf.sum(q, 1, true)), samples);
    }
    return tf.mul(q, samples) as tf.Tensor2D;
  });
}

/** centre <- m * centre + (1 - m) * mean over rows of the teacher output (logits before centring). */
export function updateCentre(centre: tf.Tensor, teacherLogits: tf.Tensor2D, momentum = 0.9): tf.Tensor {
  return tf.tidy(() =>
    tf.add(tf.mul(centre, momentum), tf.mul(tf.mean(teacherLogits, 0, true), 1 - momentum)),
  );
}

export interface DinoLossInput {
  /** Student prototype scores per view [B, K]: the global views first (same order as the teacher's), then local ones. */
  studentLogits: tf.Tensor2D[];
  /** Teacher targets per global view [B, K] (rows sum to 1). */
  teacherProbs: tf.Tensor2D[];
  studentTemperature?: number;
}

/**
 * Cross-entropy between teacher targets and the student's log_softmax(s / tau_s), averaged over all pairs of
 * different views (a global view is never compared with itself) and over the batch.
 */
export function dinoLoss({
  studentLogits,
  teacherProbs,
  studentTemperature = 0.1,
}: DinoLossInput): tf.Scalar {
  if (teacherProbs.length === 0 || studentLogits.length === 0)
    throw new Error('dinoLoss: needs at least one student and one teacher view');
  return tf.tidy(() => {
    let total: tf.Tensor = tf.scalar(0);
    let terms = 0;
    studentLogits.forEach((student, s) => {
      const logProbs = tf.logSoftmax(tf.div(student, studentTemperature));
      teacherProbs.forEach((teacher, t) => {
        if (s === t) return;
        total = tf.sub(total, tf.mean(tf.sum(tf.mul(teacher, logProbs), 1)));
        terms += 1;
      });
    });
    if (terms === 0)
      throw new Error('dinoLoss: no pair of different views (give 2 global views or local views)');
    return tf.div(total, terms) as tf.Scalar;
  });
}
