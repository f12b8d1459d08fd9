// The 8 rotations/flips of a square image: a lesion has no orientation, so they are free views of it.

/** View k (0..7) of `count` square grey images [count, size, size]: bit 0 transposes, bit 1 flips rows, bit 2 columns. */
export function dihedralView(pixels: Float32Array, size: number, k: number): Float32Array {
  const out = new Float32Array(pixels.length);
  const area = size * size;
  for (let base = 0; base < pixels.length; base += area) {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let sy = k & 1 ? x : y;
        let sx = k & 1 ? y : x;
        if (k & 2) sy = size - 1 - sy;
        if (k & 4) sx = size - 1 - sx;
        out[base + y * size + x] = pixels[base + sy * size + sx];
      }
    }
  }
  return out;
}

/** All 8 views stacked view-major: [8 * count, size, size]. */
export function allDihedralViews(pixels: Float32Array, size: number): Float32Array {
  const out = new Float32Array(pixels.length * 8);
  for (let k = 0; k < 8; k++) out.set(dihedralView(pixels, size, k), k * pixels.length);
  return out;
}
