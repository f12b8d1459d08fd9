/**
 * Multinomial logistic regression with an L2 penalty, fitted by full-batch gradient descent with Nesterov momentum
 * on standardised features: a small, dependable classifier for out-of-sample probabilities (no tfjs needed).
 */
export interface SoftmaxModel {
  dims: number;
  classes: number;
  mean: Float64Array;
  scale: Float64Array;
  /** [dims + 1, classes], the last row the bias. */
  weights: Float64Array;
}

export interface SoftmaxOptions {
  l2?: number;
  iterations?: number;
  learningRate?: number;
  /** Weight classes by 1 / frequency, so rare classes are not ignored (default true). */
  balanced?: boolean;
}

function standardise(features: ArrayLike<number>, n: number, dims: number) {
  const mean = new Float64Array(dims);
  const scale = new Float64Array(dims);
  for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) mean[d] += features[i * dims + d] / n;
  for (let i = 0; i < n; i++)
    for (let d = 0; d < dims; d++) scale[d] += (features[i * dims + d] - mean[d]) ** 2 / n;
  for (let d = 0; d < dims; d++) scale[d] = Math.sqrt(scale[d]) || 1;
  return { mean, scale };
}

/** Softmax probabilities of one row into `out`. */
function predictRow(
  model: SoftmaxModel,
  row: ArrayLike<number>,
  offset: number,
  out: Float64Array,
  outOffset: number,
): void {
  const { dims, classes, mean, scale, weights } = model;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < classes; c++) {
    let logit = weights[dims * classes + c];
    for (let d = 0; d < dims; d++)
      logit += ((row[offset + d] - mean[d]) / scale[d]) * weights[d * classes + c];
    out[outOffset + c] = logit;
    if (logit > max) max = logit;
  }
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += out[outOffset + c] = Math.exp(out[outOffset + c] - max);
  for (let c = 0; c < classes; c++) out[outOffset + c] /= sum;
}

export function predictSoftmax(model: SoftmaxModel, features: ArrayLike<number>): Float64Array {
  const n = features.length / model.dims;
  const out = new Float64Array(n * model.classes);
  for (let i = 0; i < n; i++) predictRow(model, features, i * model.dims, out, i * model.classes);
  return out;
}

export function fitSoftmax(
  features: ArrayLike<number>,
  labels: ArrayLike<number>,
  dims: number,
  classes: number,
  options: SoftmaxOptions = {},
): SoftmaxModel {
  const n = labels.length;
  if (features.length !== n * dims)
    throw new RangeError(`features has ${features.length} values, expected ${n} x ${dims}`);
  const l2 = options.l2 ?? 1e-2;
  const iterations = options.iterations ?? 150;
  const learningRate = options.learningRate ?? 1;
  const counts = new Float64Array(classes);
  for (let i = 0; i < n; i++) counts[labels[i]]++;
  const present = counts.filter((c) => c > 0).length;
  const sampleWeight = Float64Array.from({ length: n }, (_, i) =>
    options.balanced === false ? 1 / n : 1 / (present * counts[labels[i]]),
  );
  const model: SoftmaxModel = {
    dims,
    classes,
    ...standardise(features, n, dims),
    weights: new Float64Array((dims + 1) * classes),
  };
  const x = new Float64Array(n * dims);
  for (let i = 0; i < n; i++)
    for (let d = 0; d < dims; d++)
      x[i * dims + d] = (features[i * dims + d] - model.mean[d]) / model.scale[d];
  // Step 1 / L, with L = 0.5 lambda_max(X' W X) + l2 bounding the curvature (power iteration): never diverges.
  const stepSize = learningRate / (0.5 * largestEigenvalue(x, sampleWeight, n, dims) + l2);
  const identity = { ...model, mean: new Float64Array(dims), scale: new Float64Array(dims).fill(1) };
  const velocity = new Float64Array(model.weights.length);
  const lookahead = new Float64Array(model.weights.length);
  const gradient = new Float64Array(model.weights.length);
  const probabilities = new Float64Array(classes);
  for (let iteration = 0; iteration < iterations; iteration++) {
    for (let j = 0; j < lookahead.length; j++) lookahead[j] = model.weights[j] + 0.9 * velocity[j];
    gradient.fill(0);
    for (let i = 0; i < n; i++) {
      predictRow({ ...identity, weights: lookahead }, x, i * dims, probabilities, 0);
      probabilities[labels[i]] -= 1;
      for (let c = 0; c < classes; c++) {
        const g = probabilities[c] * sampleWeight[i];
        if (g === 0) continue;
        for (let d = 0; d < dims; d++) gradient[d * classes + c] += g * x[i * dims + d];
        gradient[dims * classes + c] += g;
      }
    }
    for (let j = 0; j < dims * classes; j++) gradient[j] += l2 * lookahead[j];
    for (let j = 0; j < velocity.length; j++) {
      velocity[j] = 0.9 * velocity[j] - stepSize * gradient[j];
      model.weights[j] += velocity[j];
    }
  }
  return model;
}

/** Largest eigenvalue of X' W X over [x, 1] (power iteration, 30 rounds). */
function largestEigenvalue(x: Float64Array, weight: Float64Array, n: number, dims: number): number {
  let v = new Float64Array(dims + 1).fill(1 / Math.sqrt(dims + 1));
  let lambda = 1;
  for (let round = 0; round < 30; round++) {
    const next = new Float64Array(dims + 1);
    for (let i = 0; i < n; i++) {
      let dot = v[dims];
      for (let d = 0; d < dims; d++) dot += x[i * dims + d] * v[d];
      dot *= weight[i];
      for (let d = 0; d < dims; d++) next[d] += dot * x[i * dims + d];
      next[dims] += dot;
    }
    lambda = Math.hypot(...next);
    if (lambda === 0) return 1;
    v = next.map((value) => value / lambda);
  }
  return lambda;
}
