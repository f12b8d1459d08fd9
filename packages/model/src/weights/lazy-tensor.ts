/** Element types the readers convert to float32; any other dtype is named in an error when its tensor is read. */
export type FloatDtype = 'F32' | 'F16' | 'BF16' | 'F64';

export const DTYPE_BYTES: Record<string, number> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  BOOL: 1,
};

/** A tensor found in a weights file, read (and converted to float32) only when asked. */
export interface LazyTensor {
  dtype: string;
  shape: number[];
  /** Row-major float32 values. */
  read(): Float32Array;
}

export const elementCount = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

const f16Table = (() => {
  const table = new Float32Array(65536);
  for (let h = 0; h < 65536; h += 1) {
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const fraction = h & 0x3ff;
    if (exponent === 0) table[h] = sign * 2 ** -14 * (fraction / 1024);
    else if (exponent === 31) table[h] = fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
    else table[h] = sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
  }
  return table;
})();

/** Little-endian bytes of `count` elements of dtype -> float32 (F32 bytes that are aligned are copied once). */
export function toFloat32(bytes: Uint8Array, dtype: string, count: number, what: string): Float32Array {
  const itemSize = DTYPE_BYTES[dtype];
  if (itemSize === undefined || !['F32', 'F16', 'BF16', 'F64'].includes(dtype)) {
    throw new Error(
      `${what}: dtype ${dtype} is not a floating-point type the importer reads (F32, F16, BF16, F64)`,
    );
  }
  if (bytes.length < count * itemSize)
    throw new Error(`${what}: ${bytes.length} bytes hold fewer than ${count} ${dtype} values`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * itemSize);
  const out = new Float32Array(count);
  if (dtype === 'F32') {
    if (bytes.byteOffset % 4 === 0) out.set(new Float32Array(bytes.buffer, bytes.byteOffset, count));
    else for (let i = 0; i < count; i += 1) out[i] = view.getFloat32(i * 4, true);
  } else if (dtype === 'F16') {
    for (let i = 0; i < count; i += 1) out[i] = f16Table[view.getUint16(i * 2, true)];
  } else if (dtype === 'BF16') {
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < count; i += 1) bits[i] = view.getUint16(i * 2, true) << 16;
  } else {
    for (let i = 0; i < count; i += 1) out[i] = view.getFloat64(i * 8, true);
  }
  return out;
}

/** Reads `count` elements at a byte offset; F32 goes straight into the result's buffer (no second copy). */
export function readFloat32At(
  read: (offset: number, length: number, into?: Uint8Array) => Uint8Array,
  offset: number,
  dtype: string,
  count: number,
  what: string,
): Float32Array {
  if (dtype === 'F32') {
    const out = new Float32Array(count);
    read(offset, count * 4, new Uint8Array(out.buffer));
    return out;
  }
  return toFloat32(read(offset, count * (DTYPE_BYTES[dtype] ?? 1)), dtype, count, what);
}
