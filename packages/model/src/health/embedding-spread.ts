import { type EmbeddingInput, toMatrix } from './embedding-matrix';

/**
 * Spread of L2-normalised embeddings: the per-dimension standard deviation over the rows, averaged over the
 * dimensions (SimSiam, Chen & He 2021). Unit vectors spread evenly over the sphere give about 1/sqrt(D); it goes
 * to 0 when every image maps to the same direction. Population std (divides by N).
 */
export function normalisedEmbeddingStd(embeddings: EmbeddingInput): number {
  const { data, rows, cols } = toMatrix(embeddings, 'normalisedEmbeddingStd');
  const unit = new Float64Array(data.length);
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    let norm = 0;
    for (let j = 0; j < cols; j++) norm += data[i * cols + j] ** 2;
    const scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
    for (let j = 0; j < cols; j++) {
      unit[i * cols + j] = data[i * cols + j] * scale;
      mean[j] += unit[i * cols + j] / rows;
    }
  }
  // Two passes (mean, then squared deviations): E[x^2] - E[x]^2 would leave rounding noise of ~1e-9 on a collapse.
  let total = 0;
  for (let j = 0; j < cols; j++) {
    let variance = 0;
    for (let i = 0; i < rows; i++) variance += (unit[i * cols + j] - mean[j]) ** 2 / rows;
    total += Math.sqrt(variance);
  }
  return total / cols;
}
