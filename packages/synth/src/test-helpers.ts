import type { RenderedImage } from './render/render-image.js';

/** Mean absolute difference per byte between two renders of the same size. */
export function meanAbsoluteDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new Error(`size mismatch: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += Math.abs(a[index] - b[index]);
  return sum / a.length;
}

/** Mean RGB inside and outside the ground-truth mask. */
export function meanColours(image: RenderedImage): { lesion: number[]; skin: number[] } {
  const sums = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  for (let pixel = 0; pixel < image.width * image.height; pixel++) {
    const bucket = sums[image.mask![pixel]];
    for (let channel = 0; channel < 3; channel++) bucket[channel] += image.data[pixel * 3 + channel];
    bucket[3]++;
  }
  const [skin, lesion] = sums.map((bucket) => bucket.slice(0, 3).map((sum) => sum / Math.max(bucket[3], 1)));
  return { lesion, skin };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
