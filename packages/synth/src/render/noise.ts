import type { Rng } from '../prng.js';

/** Smooth value noise on a grid covering [-extent, extent]^2, in [0, 1]. Cheap enough to sample per pixel. */
export interface NoiseField {
  at(x: number, y: number): number;
}

export function createNoiseField(rng: Rng, cells: number, extent: number): NoiseField {
  const side = cells + 1;
  const values = new Float32Array(side * side);
  for (let index = 0; index < values.length; index++) values[index] = rng.next();
  const scale = cells / (2 * extent);
  return {
    at(x, y) {
      const gx = Math.min(Math.max((x + extent) * scale, 0), cells - 1e-6);
      const gy = Math.min(Math.max((y + extent) * scale, 0), cells - 1e-6);
      const ix = gx | 0;
      const iy = gy | 0;
      let fx = gx - ix;
      let fy = gy - iy;
      fx = fx * fx * (3 - 2 * fx);
      fy = fy * fy * (3 - 2 * fy);
      const row = iy * side + ix;
      const top = values[row] + (values[row + 1] - values[row]) * fx;
      const bottom = values[row + side] + (values[row + side + 1] - values[row + side]) * fx;
      return top + (bottom - top) * fy;
    },
  };
}

/** Integer hash of a lattice cell to [0, 1): for procedural dots and lacunae without per-object loops. */
export function hashCell(ix: number, iy: number, salt: number): number {
  let hash = Math.imul(ix, 0x27d4eb2d) ^ Math.imul(iy, 0x165667b1) ^ salt;
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  hash = Math.imul(hash ^ (hash >>> 12), 0x297a2d39);
  return ((hash ^ (hash >>> 15)) >>> 0) / 4294967296;
}

export function smoothstep(edge0: number, edge1: number, value: number): number {
  const t = Math.min(Math.max((value - edge0) / (edge1 - edge0), 0), 1);
  return t * t * (3 - 2 * t);
}
