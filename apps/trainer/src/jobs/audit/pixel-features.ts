import { COLOUR_HISTOGRAM_DIMS, colourHistogramFeatures } from '@dermino/analytics';
import { loadPixels } from '../shared/load-pixels.js';

export const THUMBNAIL_DIMS = 8 * 8 * 3;

/**
 * What the audit reads of the pixels, with no model: an 8 x 8 colour thumbnail (near-copies) and the skin-relative
 * colour histogram with ring colours (the pixel baseline for label issues). Null where an image cannot be read.
 */
export async function auditPixelFeatures(home: string, storageKeys: (string | null)[]) {
  const [thumbs, images] = [await loadPixels(home, storageKeys, 8), await loadPixels(home, storageKeys, 64)];
  const readable = new Set(thumbs.loaded.filter((index) => images.loaded.includes(index)));
  const thumbnails: (Float64Array | null)[] = storageKeys.map(() => null);
  const colours: (Float64Array | null)[] = storageKeys.map(() => null);
  thumbs.loaded.forEach((index, row) => {
    if (readable.has(index))
      thumbnails[index] = Float64Array.from(
        thumbs.pixels.subarray(row * THUMBNAIL_DIMS, (row + 1) * THUMBNAIL_DIMS),
      );
  });
  const length = 64 * 64 * 3;
  images.loaded.forEach((index, row) => {
    if (!readable.has(index)) return;
    const data = Uint8Array.from(images.pixels.subarray(row * length, (row + 1) * length), (v) =>
      Math.round(v * 255),
    );
    colours[index] = colourHistogramFeatures({ width: 64, height: 64, channels: 3, data });
  });
  return {
    thumbnails,
    colours,
    colourDims: COLOUR_HISTOGRAM_DIMS,
    unreadable: storageKeys.length - readable.size,
  };
}
