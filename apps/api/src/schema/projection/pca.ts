// PCA to two components in plain TypeScript: subspace iteration with Rayleigh-Ritz on the smaller of the
// covariance (d x d) and Gram (n x n) matrices, so 5,000 points of a 768-d backbone cost one d x d (or n x n)
// product, not a dense eigen-solve. Deterministic: fixed start vectors, and each component's sign is chosen so
// that its largest-magnitude score is positive (sklearn's svd_flip rule on the scores).

const BLOCK = 4;
const MAX_ITERATIONS = 3000;
const TOLERANCE = 1e-10;

/** Symmetric eigen-decomposition of a small k x k matrix (cyclic Jacobi), eigenvalues descending. */
export function eigenSymmetric(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const k = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p][q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r][p];
          const arq = a[r][q];
          a[r][p] = c * arp - s * arq;
          a[r][q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p][r];
          const aqr = a[q][r];
          a[p][r] = c * apr - s * aqr;
          a[q][r] = s * apr + c * aqr;
          const vrp = v[r][p];
          const vrq = v[r][q];
          v[r][p] = c * vrp - s * vrq;
          v[r][q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return { values: order.map((i) => a[i][i]), vectors: order.map((i) => v.map((row) => row[i])) };
}

/** Orthonormal columns (modified Gram-Schmidt); a column that collapses is replaced by a fixed unit vector. */
function orthonormalise(columns: Float64Array[]): Float64Array[] {
  const out: Float64Array[] = [];
  columns.forEach((column, index) => {
    const c = Float64Array.from(column);
    for (let pass = 0; pass < 2; pass++) {
      for (const q of out) {
        let dot = 0;
        for (let i = 0; i < c.length; i++) dot += c[i] * q[i];
        for (let i = 0; i < c.length; i++) c[i] -= dot * q[i];
      }
    }
    let norm = Math.hypot(...c);
    if (!(norm > 1e-12)) {
      c.fill(0);
      c[index % c.length] = 1;
      for (const q of out) {
        const dot = c.reduce((sum, value, i) => sum + value * q[i], 0);
        for (let i = 0; i < c.length; i++) c[i] -= dot * q[i];
      }
      norm = Math.hypot(...c) || 1;
    }
    for (let i = 0; i < c.length; i++) c[i] /= norm;
    out.push(c);
  });
  return out;
}

/** Top eigenpairs of a symmetric m x m matrix (row-major), at most `count`. */
export function topEigenpairs(
  matrix: Float64Array,
  m: number,
  count: number,
): { values: number[]; vectors: Float64Array[] } {
  const k = Math.min(BLOCK, m);
  // Start vectors from a fixed linear congruential sequence: reproducible, and not orthogonal to any real axis.
  let seed = 12345;
  const next = () => {
    seed = (seed * 16807) % 2147483647; // Park-Miller: exact in doubles
    return seed / 2147483647 - 0.5;
  };
  let basis = orthonormalise(Array.from({ length: k }, () => Float64Array.from({ length: m }, next)));
  let values: number[] = [];
  let ritz: Float64Array[] = basis;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const product = basis.map((q) => multiply(matrix, m, q));
    const h = basis.map((qi) => product.map((z) => dot(qi, z)));
    const symmetric = h.map((row, i) => row.map((value, j) => (value + h[j][i]) / 2));
    const { values: lambdas, vectors: w } = eigenSymmetric(symmetric);
    ritz = w.map((weights) => combine(basis, weights));
    const images = w.map((weights) => combine(product, weights));
    values = lambdas;
    const scale = Math.max(Math.abs(lambdas[0]), 1e-300);
    const converged = Array.from({ length: Math.min(count, k) }, (_, j) => j).every((j) => {
      let residual = 0;
      for (let i = 0; i < m; i++) residual += (images[j][i] - lambdas[j] * ritz[j][i]) ** 2;
      return Math.sqrt(residual) <= TOLERANCE * scale;
    });
    if (converged) break;
    basis = orthonormalise(images);
  }
  return { values: values.slice(0, count), vectors: ritz.slice(0, count) };
}

function multiply(matrix: Float64Array, m: number, vector: Float64Array): Float64Array {
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let sum = 0;
    const row = i * m;
    for (let j = 0; j < m; j++) sum += matrix[row + j] * vector[j];
    out[i] = sum;
  }
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function combine(columns: Float64Array[], weights: number[]): Float64Array {
  const out = new Float64Array(columns[0].length);
  columns.forEach((column, c) => {
    for (let i = 0; i < out.length; i++) out[i] += weights[c] * column[i];
  });
  return out;
}
