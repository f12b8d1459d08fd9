import type { Rng } from '../prng.js';

/** Millimetres across the frame of a dermoscopic image; sets lesion size and ruler tick spacing. */
export const FIELD_OF_VIEW_MM = 18;

/** Hairs: dark quadratic curves across the frame, painted over lesion and skin alike. */
export function drawHairs(pixels: Float32Array, size: number, rng: Rng): void {
  const coverage = new Float32Array(size * size);
  const radius = Math.max(0.35, size * rng.uniform(0.0025, 0.0045));
  for (let hair = rng.int(2, 9); hair > 0; hair--) {
    const [x0, y0, x1, y1, x2, y2] = [0, 0, 0, 0, 0, 0].map(() => rng.uniform(-0.1, 1.1) * size);
    // The control polygon bounds the curve length, so this samples at least every half pixel.
    const steps = Math.ceil((Math.hypot(x1 - x0, y1 - y0) + Math.hypot(x2 - x1, y2 - y1)) * 2) + 4;
    for (let step = 0; step <= steps; step++) {
      const t = step / steps;
      const x = (1 - t) * (1 - t) * x0 + 2 * (1 - t) * t * x1 + t * t * x2;
      const y = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * y1 + t * t * y2;
      stampCoverage(coverage, size, x, y, radius);
    }
  }
  const shade = rng.uniform(0.6, 1.2);
  blendCoverage(pixels, coverage, [42 * shade, 30 * shade, 24 * shade], 0.9);
}

function stampCoverage(coverage: Float32Array, size: number, x: number, y: number, radius: number): void {
  const reach = Math.ceil(radius + 1);
  const cx = Math.floor(x);
  const cy = Math.floor(y);
  for (let py = Math.max(0, cy - reach); py <= Math.min(size - 1, cy + reach); py++) {
    for (let px = Math.max(0, cx - reach); px <= Math.min(size - 1, cx + reach); px++) {
      const value = Math.min(
        Math.max(radius + 0.5 - Math.sqrt((px + 0.5 - x) ** 2 + (py + 0.5 - y) ** 2), 0),
        1,
      );
      const index = py * size + px;
      if (value > coverage[index]) coverage[index] = value;
    }
  }
}

function blendCoverage(
  pixels: Float32Array,
  coverage: Float32Array,
  colour: number[],
  opacity: number,
): void {
  for (let index = 0; index < coverage.length; index++) {
    const weight = coverage[index] * opacity;
    if (weight <= 0) continue;
    for (let channel = 0; channel < 3; channel++) {
      const offset = index * 3 + channel;
      pixels[offset] += (colour[channel] - pixels[offset]) * weight;
    }
  }
}

/** A millimetre ruler along one edge: pale band, a tick per mm, a long tick every 5 mm. */
export function drawRuler(pixels: Float32Array, size: number, rng: Rng): void {
  const side = rng.int(0, 3);
  const band = size * rng.uniform(0.06, 0.09);
  const spacing = size / FIELD_OF_VIEW_MM;
  const tickHalfWidth = Math.max(0.5, size * 0.003);
  const phase = rng.uniform(0, spacing);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const across = [y, size - 1 - y, x, size - 1 - x][side] + 0.5;
      if (across > band) continue;
      const along = (side < 2 ? x : y) + 0.5 - phase;
      const tick = Math.round(along / spacing);
      const tickLength = (tick % 5 === 0 ? 0.8 : 0.45) * band;
      const onTick = Math.abs(along - tick * spacing) <= tickHalfWidth && across <= tickLength;
      const colour = onTick ? [28, 28, 30] : [232, 228, 214];
      const offset = (y * size + x) * 3;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] += (colour[channel] - pixels[offset + channel]) * 0.88;
      }
    }
  }
}
