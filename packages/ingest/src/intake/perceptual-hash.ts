import sharp from 'sharp';

export interface RawInfo {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

function dHashOf(pixels: ArrayLike<number>): string {
  let hash = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      hash = (hash << 1n) | (pixels[y * 9 + x] < pixels[y * 9 + x + 1] ? 1n : 0n);
    }
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * dHash (difference hash), 64 bits as 16 hex digits: greyscale 9x8, one bit per horizontal neighbour pair.
 * Robust to rescaling and re-encoding; near-duplicates differ in few bits.
 */
export async function computePerceptualHash(image: Buffer): Promise<string> {
  return dHashOf(await sharp(image).greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer());
}

/** Rec. 601 luma, then area averaging onto 9x8: what libvips does, in plain code, for tiny images. */
function greyAreaResize(pixels: Buffer, info: RawInfo): Float64Array {
  const { width, height, channels } = info;
  const grey = new Float64Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    const p = i * channels;
    grey[i] = channels >= 3 ? 0.299 * pixels[p] + 0.587 * pixels[p + 1] + 0.114 * pixels[p + 2] : pixels[p];
  }
  const out = new Float64Array(72);
  const sx = width / 9;
  const sy = height / 8;
  for (let oy = 0; oy < 8; oy++) {
    for (let ox = 0; ox < 9; ox++) {
      const [x0, x1, y0, y1] = [ox * sx, (ox + 1) * sx, oy * sy, (oy + 1) * sy];
      let sum = 0;
      let area = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const weight = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
          sum += grey[y * width + x] * weight;
          area += weight;
        }
      }
      out[oy * 9 + ox] = sum / area;
    }
  }
  return out;
}

/** Below this many pixels the hash is computed here: a sharp call would cost more than the arithmetic. */
const SMALL_IMAGE_PIXELS = 64 * 64;

/**
 * The same dHash from already decoded pixels, so intake decodes each file once. Tiny images (HAM's 8x8 pixel
 * rows) are averaged in plain code instead of a sharp call; the two paths (area averaging here, lanczos in
 * libvips) differ by a few bits on noisy images, inside a near-duplicate threshold.
 */
export async function perceptualHashOfRaw(pixels: Buffer, info: RawInfo): Promise<string> {
  if (info.width * info.height <= SMALL_IMAGE_PIXELS) return dHashOf(greyAreaResize(pixels, info));
  return dHashOf(
    await sharp(pixels, { raw: info }).greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer(),
  );
}

export function hammingDistance(a: string, b: string): number {
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff > 0n) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}
