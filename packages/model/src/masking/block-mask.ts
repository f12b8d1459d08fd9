import type { Rng } from '../random';

export interface BlockMaskOptions {
  /** Smallest block, in patches (BEiT / DINOv2: 4). */
  minBlockPatches?: number;
  /** Block aspect ratio range (h / w), sampled log-uniformly. */
  minAspect?: number;
  maxAspect?: number;
}

/** Tries up to 10 random rectangles and adds the first one that masks new patches without overshooting. */
function addBlock(
  mask: Uint8Array,
  grid: number,
  budget: number,
  rng: Rng,
  minPatches: number,
  logAspect: [number, number],
): number {
  for (let attempt = 0; attempt < 10; attempt++) {
    const area = rng.uniform(minPatches, Math.max(minPatches, budget));
    const aspect = Math.exp(rng.uniform(logAspect[0], logAspect[1]));
    const h = Math.round(Math.sqrt(area * aspect));
    const w = Math.round(Math.sqrt(area / aspect));
    if (h < 1 || w < 1 || h >= grid || w >= grid) continue;
    const top = rng.int(grid - h + 1);
    const left = rng.int(grid - w + 1);
    let fresh = 0;
    for (let r = top; r < top + h; r++)
      for (let c = left; c < left + w; c++) if (!mask[r * grid + c]) fresh++;
    if (fresh === 0 || fresh > budget) continue;
    for (let r = top; r < top + h; r++) for (let c = left; c < left + w; c++) mask[r * grid + c] = 1;
    return fresh;
  }
  return 0;
}

/**
 * BEiT-style block mask of about `target` patches on a grid x grid patch layout (row-major), built from
 * rectangles of >= minBlockPatches patches with aspect ratio in [minAspect, maxAspect]. May stop short of the
 * target when no further block fits.
 */
export function blockMask(
  grid: number,
  target: number,
  rng: Rng,
  options: BlockMaskOptions = {},
): Uint8Array {
  const minPatches = options.minBlockPatches ?? 4;
  const minAspect = options.minAspect ?? 0.3;
  const maxAspect = options.maxAspect ?? 1 / minAspect;
  const logAspect: [number, number] = [Math.log(minAspect), Math.log(maxAspect)];
  const mask = new Uint8Array(grid * grid);
  let count = 0;
  while (count < target) {
    const added = addBlock(mask, grid, target - count, rng, minPatches, logAspect);
    if (added === 0) break;
    count += added;
  }
  return mask;
}

export interface MaskBatchOptions extends BlockMaskOptions {
  /** Fraction of images that get a mask (DINOv2: 0.5). */
  probability?: number;
  /** Mask ratio range; each masked image draws its ratio uniformly (DINOv2: [0.1, 0.5]). */
  ratio?: [number, number];
}

/** Masks for a batch of images: a random `probability` share of them get block masks, the rest none. */
export function sampleMasks(
  images: number,
  grid: number,
  rng: Rng,
  options: MaskBatchOptions = {},
): Uint8Array[] {
  const probability = options.probability ?? 0.5;
  const [lo, hi] = options.ratio ?? [0.1, 0.5];
  const maskedCount = Math.round(images * probability);
  const order = Array.from({ length: images }, (_, i) => i);
  for (let i = images - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const chosen = new Set(order.slice(0, maskedCount));
  return order
    .map((_, i) => i)
    .map((i) =>
      chosen.has(i)
        ? blockMask(grid, Math.round(grid * grid * rng.uniform(lo, hi)), rng, options)
        : new Uint8Array(grid * grid),
    );
}
