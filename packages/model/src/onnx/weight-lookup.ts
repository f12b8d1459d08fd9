import type { NamedWeight, NamedWeights } from './vit-export-types';

/** Reads a named weight and checks its shape, so a mismatched checkpoint fails with the weight's name. */
export function requireWeight(weights: NamedWeights, name: string, shape: number[]): NamedWeight {
  const weight = weights[name];
  if (!weight) throw new Error(`ONNX export: weight "${name}" is missing (expected shape [${shape}])`);
  const sameShape = weight.shape.length === shape.length && weight.shape.every((dim, i) => dim === shape[i]);
  if (!sameShape) {
    throw new Error(`ONNX export: weight "${name}" has shape [${weight.shape}], expected [${shape}]`);
  }
  if (weight.data.length !== shape.reduce((a, b) => a * b, 1)) {
    throw new Error(`ONNX export: weight "${name}" holds ${weight.data.length} values, shape [${shape}] needs more`);
  }
  return weight;
}

/** Copy of a row-major matrix (rows of `rowLength`; a vector is one row) with column c multiplied by factor(c). */
export function scaleColumns(data: Float32Array, rowLength: number, factor: (column: number) => number): Float32Array {
  const factors = Float32Array.from({ length: rowLength }, (_, column) => factor(column));
  const out = new Float32Array(data.length);
  for (let start = 0; start < data.length; start += rowLength) {
    for (let column = 0; column < rowLength; column += 1) out[start + column] = data[start + column] * factors[column];
  }
  return out;
}

/** Re-lays patch_embed.weight [p*p*3, D] (row-in-patch, col-in-patch, channel) as a Conv kernel [D, 3, p, p]. */
export function toConvKernel(weight: Float32Array, patchSize: number, width: number): Float32Array {
  const kernel = new Float32Array(weight.length);
  for (let i = 0; i < patchSize; i += 1) {
    for (let j = 0; j < patchSize; j += 1) {
      for (let c = 0; c < 3; c += 1) {
        const row = (i * patchSize + j) * 3 + c;
        for (let d = 0; d < width; d += 1) kernel[((d * 3 + c) * patchSize + i) * patchSize + j] = weight[row * width + d];
      }
    }
  }
  return kernel;
}
