import { type EmbeddingInput, type EmbeddingMatrix, toMatrix } from './embedding-matrix';
import { symmetricEigenvalues } from './symmetric-eigenvalues';

/** Singular values of an N x D matrix, largest first: square roots of the eigenvalues of the smaller Gram matrix. */
export function singularValues({ data, rows, cols }: EmbeddingMatrix): Float64Array {
  const n = Math.min(rows, cols);
  const gram = new Float64Array(n * n);
  const byRows = rows <= cols;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sum = 0;
      if (byRows) for (let k = 0; k < cols; k++) sum += data[i * cols + k] * data[j * cols + k];
      else for (let k = 0; k < rows; k++) sum += data[k * cols + i] * data[k * cols + j];
      gram[i * n + j] = sum;
      gram[j * n + i] = sum;
    }
  }
  return symmetricEigenvalues(gram, n).map((value) => Math.sqrt(Math.max(value, 0)));
}

/**
 * RankMe (Garrido et al. 2023, "RankMe: assessing the downstream performance of pretrained self-supervised
 * representations by their rank"): exp of the entropy of the singular values normalised to sum 1 (plus their
 * epsilon 1e-7), on the embeddings as they are (not centred, not normalised). Between 1 (all rows on one line)
 * and min(N, D) (all singular values equal).
 */
export function effectiveRank(embeddings: EmbeddingInput, epsilon = 1e-7): number {
  const sigma = singularValues(toMatrix(embeddings, 'effectiveRank'));
  const total = sigma.reduce((sum, value) => sum + value, 0);
  if (total === 0) return 1;
  let entropy = 0;
  for (const value of sigma) {
    const p = value / total + epsilon;
    entropy -= p * Math.log(p);
  }
  return Math.exp(entropy);
}
