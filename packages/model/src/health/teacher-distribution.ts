import { type EmbeddingInput, toMatrix } from './embedding-matrix';

function probabilityRows(input: EmbeddingInput, what: string) {
  const matrix = toMatrix(input, what);
  for (let i = 0; i < matrix.rows; i++) {
    let sum = 0;
    for (let k = 0; k < matrix.cols; k++) {
      const p = matrix.data[i * matrix.cols + k];
      if (p < 0) throw new Error(`${what}: row ${i} has a negative probability (${p})`);
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-3) throw new Error(`${what}: row ${i} sums to ${sum.toFixed(4)}, not 1`);
  }
  return matrix;
}

/** Mean over rows of the Shannon entropy (nats) of the teacher's distributions [N, K]: log K when uniform, 0 when one-hot. */
export function teacherEntropy(probabilities: EmbeddingInput): number {
  const { data, rows } = probabilityRows(probabilities, 'teacherEntropy');
  let total = 0;
  for (let i = 0; i < data.length; i++) if (data[i] > 0) total -= data[i] * Math.log(data[i]);
  return total / rows;
}

/**
 * Mean over rows of KL(p_i || centre) in nats. The centre defaults to the mean teacher distribution over the rows:
 * then it is the mutual information between image and prototype, 0 when every image gets the same distribution
 * (both DINO collapses: uniform and one prototype) and at most log K.
 */
export function teacherCentreKl(probabilities: EmbeddingInput, centre?: ArrayLike<number>): number {
  const { data, rows, cols } = probabilityRows(probabilities, 'teacherCentreKl');
  const q = new Float64Array(cols);
  if (centre) {
    if (centre.length !== cols)
      throw new Error(`teacherCentreKl: the centre has ${centre.length} values, the rows ${cols}`);
    for (let k = 0; k < cols; k++) q[k] = centre[k];
  } else {
    for (let i = 0; i < data.length; i++) q[i % cols] += data[i] / rows;
  }
  let total = 0;
  for (let i = 0; i < data.length; i++) {
    const p = data[i];
    if (p > 0) total += p * Math.log(p / Math.max(q[i % cols], 1e-30));
  }
  return Math.max(total / rows, 0);
}
