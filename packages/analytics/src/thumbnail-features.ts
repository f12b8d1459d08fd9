import type { RawImage } from './image-quality.js';

/**
 * An image as a tiny colour thumbnail: the mean of each channel over a grid x grid of equal boxes, in 0..1.
 * A pixel-level description that needs no model: device changes (colour cast, blur, vignette) and near-copies
 * show in it whatever the state of the backbone.
 */
export function thumbnailFeatures(image: RawImage, grid = 8): Float64Array {
  const { width, height, channels, data } = image;
  if (!Number.isInteger(grid) || grid < 1 || grid > Math.min(width, height))
    throw new RangeError(`grid must be an integer in [1, ${Math.min(width, height)}], got ${grid}`);
  const sums = new Float64Array(grid * grid * 3);
  const counts = new Float64Array(grid * grid);
  for (let y = 0; y < height; y++) {
    const by = Math.min(grid - 1, Math.floor((y * grid) / height));
    for (let x = 0; x < width; x++) {
      const cell = by * grid + Math.min(grid - 1, Math.floor((x * grid) / width));
      const offset = (y * width + x) * channels;
      for (let c = 0; c < 3; c++) sums[cell * 3 + c] += data[offset + Math.min(c, channels - 1)];
      counts[cell]++;
    }
  }
  for (let cell = 0; cell < counts.length; cell++)
    for (let c = 0; c < 3; c++) sums[cell * 3 + c] /= counts[cell] * 255;
  return sums;
}

/**
 * Rotation-free colour description: a 4 x 4 x 4 histogram of each pixel's colour relative to the skin at the frame's
 * border (the lesion's colours against its own skin, as a dermatologist reads them), plus the share of pixels darker
 * than the skin at four levels, and the mean relative colour in six rings around the centre (lesions are centred).
 * A lesion has no orientation, so nothing here depends on the direction in which a pixel lies.
 */
const RINGS = 6;
/** Length of colourHistogramFeatures' vector. */
export const COLOUR_HISTOGRAM_DIMS = 64 + 4 + RINGS * 3;

export function colourHistogramFeatures(image: RawImage, border = 3): Float64Array {
  const { width, height, channels, data } = image;
  const skin = [0, 0, 0];
  let edge = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (x >= border && y >= border && x < width - border && y < height - border) continue;
      for (let c = 0; c < 3; c++) skin[c] += data[(y * width + x) * channels + Math.min(c, channels - 1)];
      edge++;
    }
  for (let c = 0; c < 3; c++) skin[c] = skin[c] / Math.max(1, edge) + 1;
  const out = new Float64Array(64 + 4 + RINGS * 3);
  const ringCounts = new Float64Array(RINGS);
  const pixels = width * height;
  for (let p = 0; p < pixels; p++) {
    const ratio = [0, 1, 2].map((c) => data[p * channels + Math.min(c, channels - 1)] / skin[c]);
    const bin = ratio.map((r) => Math.min(3, Math.floor(r * 2)));
    out[bin[0] * 16 + bin[1] * 4 + bin[2]] += 1 / pixels;
    const luma = (ratio[0] + ratio[1] + ratio[2]) / 3;
    for (let level = 0; level < 4; level++) if (luma < 0.9 - level * 0.2) out[64 + level] += 1 / pixels;
    const radius =
      Math.hypot((p % width) + 0.5 - width / 2, Math.floor(p / width) + 0.5 - height / 2) /
      (Math.min(width, height) / 2);
    const ring = Math.min(RINGS - 1, Math.floor(radius * RINGS));
    ringCounts[ring]++;
    for (let c = 0; c < 3; c++) out[68 + ring * 3 + c] += ratio[c];
  }
  for (let ring = 0; ring < RINGS; ring++)
    for (let c = 0; c < 3; c++) out[68 + ring * 3 + c] /= Math.max(1, ringCounts[ring]);
  return out;
}
