import { fitLinearProbe } from '../finetune/fit-linear.js';

/**
 * Out-of-sample class probabilities for confident learning: each image is scored by a linear probe trained on the
 * other folds (folds by a fixed interleave, so the result is reproducible).
 */
export function outOfFoldProbabilities(features: Float32Array, labels: Int32Array, dims: number, classes: number, folds = 5): Float64Array {
  const n = labels.length;
  const out = new Float64Array(n * classes);
  for (let fold = 0; fold < folds; fold++) {
    const test = Array.from({ length: n }, (_, i) => i).filter((i) => i % folds === fold);
    const train = Array.from({ length: n }, (_, i) => i).filter((i) => i % folds !== fold);
    if (test.length === 0 || train.length === 0) continue;
    const pick = (indices: number[]) => {
      const f = new Float32Array(indices.length * dims);
      indices.forEach((index, row) => f.set(features.subarray(index * dims, (index + 1) * dims), row * dims));
      return { features: f, labels: Int32Array.from(indices, (i) => labels[i]) };
    };
    const { weights } = fitLinearProbe(pick(train), { features: new Float32Array(0), labels: new Int32Array(0) }, dims, classes);
    const w = weights['head.weight'].data;
    const b = weights['head.bias'].data;
    for (const index of test) {
      const logits = Array.from({ length: classes }, (_, c) => {
        let logit = b[c];
        for (let d = 0; d < dims; d++) logit += features[index * dims + d] * w[d * classes + c];
        return logit;
      });
      const max = Math.max(...logits);
      const exp = logits.map((l) => Math.exp(l - max));
      const sum = exp.reduce((a, v) => a + v, 0);
      exp.forEach((e, c) => (out[index * classes + c] = e / sum));
    }
  }
  return out;
}
