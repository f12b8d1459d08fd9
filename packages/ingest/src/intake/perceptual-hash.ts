import sharp from 'sharp';

export interface RawInfo {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

function dHashOf(pixels: Buffer): string {
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

/** The same dHash from already decoded pixels, so intake decodes each file once. */
export async function perceptualHashOfRaw(pixels: Buffer, info: RawInfo): Promise<string> {
  return dHashOf(await sharp(pixels, { raw: info }).greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer());
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
