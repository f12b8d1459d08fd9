import type * as tf from '@tensorflow/tfjs-core';

/** Rows of embeddings: a tfjs-core tensor [N, D] (read on the caller's backend) or plain arrays. */
export type EmbeddingInput = tf.Tensor2D | readonly ArrayLike<number>[];

/** A dense row-major copy in float64, so the measures do not lose precision on near-collapsed embeddings. */
export interface EmbeddingMatrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

const isTensor = (input: EmbeddingInput): input is tf.Tensor2D => !Array.isArray(input) && 'shape' in input;

export function toMatrix(input: EmbeddingInput, what: string): EmbeddingMatrix {
  if (isTensor(input)) {
    if (input.rank !== 2)
      throw new Error(`${what}: expected a [N, D] tensor, got shape [${input.shape.join(', ')}]`);
    const [rows, cols] = input.shape;
    return checked({ data: Float64Array.from(input.dataSync()), rows, cols }, what);
  }
  const rows = input.length;
  const cols = rows > 0 ? input[0].length : 0;
  const data = new Float64Array(rows * cols);
  input.forEach((row, index) => {
    if (row.length !== cols)
      throw new Error(`${what}: row ${index} has ${row.length} values, row 0 has ${cols}`);
    for (let j = 0; j < cols; j++) data[index * cols + j] = row[j];
  });
  return checked({ data, rows, cols }, what);
}

function checked(matrix: EmbeddingMatrix, what: string): EmbeddingMatrix {
  if (matrix.rows < 2 || matrix.cols < 1)
    throw new Error(
      `${what}: needs at least 2 rows of at least 1 value, got ${matrix.rows} x ${matrix.cols}`,
    );
  const bad = matrix.data.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0)
    throw new Error(
      `${what}: row ${Math.floor(bad / matrix.cols)} column ${bad % matrix.cols} is not finite (${matrix.data[bad]})`,
    );
  return matrix;
}
