import path from 'node:path';
import sharp from 'sharp';

export interface LoadedPixels {
  /** [count, size, size, 3] RGB in 0..1, row-major. */
  pixels: Float32Array;
  size: number;
  /** Indices (into the requested list) of the images that loaded, in order. */
  loaded: number[];
  failed: { index: number; reason: string }[];
}

export function imageFile(home: string, storageKey: string): string {
  return path.join(home, 'images', storageKey, 'working.webp');
}

async function decode(file: string, size: number): Promise<Buffer> {
  const { data } = await sharp(file)
    .resize(size, size, { fit: 'cover', position: 'centre' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return data;
}

/**
 * Decodes stored images (their working copy) to square 0..1 pixels, a few at a time; an unreadable image is
 * reported and left out, never fatal.
 */
export async function loadPixels(
  home: string,
  storageKeys: (string | null)[],
  size: number,
  onProgress?: (done: number, total: number) => Promise<void> | void,
): Promise<LoadedPixels> {
  const buffers: (Buffer | null)[] = new Array(storageKeys.length).fill(null);
  const failed: LoadedPixels['failed'] = [];
  const chunk = 32;
  for (let start = 0; start < storageKeys.length; start += chunk) {
    const keys = storageKeys.slice(start, start + chunk);
    const results = await Promise.allSettled(
      keys.map((key) => (key ? decode(imageFile(home, key), size) : Promise.reject(new Error('image has no stored file')))),
    );
    results.forEach((result, offset) => {
      if (result.status === 'fulfilled') buffers[start + offset] = result.value;
      else failed.push({ index: start + offset, reason: (result.reason as Error).message.split('\n')[0] });
    });
    await onProgress?.(Math.min(start + chunk, storageKeys.length), storageKeys.length);
  }
  const loaded = buffers.flatMap((buffer, index) => (buffer ? [index] : []));
  const length = size * size * 3;
  const pixels = new Float32Array(loaded.length * length);
  loaded.forEach((index, row) => {
    const buffer = buffers[index]!;
    for (let j = 0; j < length; j++) pixels[row * length + j] = buffer[j] / 255;
  });
  return { pixels, size, loaded, failed };
}
