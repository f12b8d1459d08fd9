import type { Rng } from '../prng.js';

export const SHAPE_SAMPLES = 256;

/**
 * The lesion outline as a radius per angle (1 = nominal radius). Low harmonics make it asymmetric (A of ABCD),
 * high harmonics make the border irregular (B); both scale with the lesion's ground-truth scores.
 */
export function createRadiusTable(asymmetry: number, border: number, rng: Rng): Float32Array {
  const terms: { k: number; amplitude: number; phase: number }[] = [];
  const lowAmplitude = 0.03 + 0.32 * asymmetry;
  for (const k of [1, 2, 3])
    terms.push({
      k,
      amplitude: (lowAmplitude * rng.uniform(0.5, 1)) / k ** 0.5,
      phase: rng.uniform(0, 2 * Math.PI),
    });
  const highAmplitude = 0.008 + 0.05 * border;
  for (let k = 5; k <= 17; k++) {
    terms.push({
      k,
      amplitude: (highAmplitude * rng.uniform(0.3, 1)) / (k / 5) ** 0.6,
      phase: rng.uniform(0, 2 * Math.PI),
    });
  }
  const table = new Float32Array(SHAPE_SAMPLES);
  for (let index = 0; index < SHAPE_SAMPLES; index++) {
    const theta = (index / SHAPE_SAMPLES) * 2 * Math.PI;
    let radius = 1;
    for (const term of terms) radius += term.amplitude * Math.cos(term.k * theta + term.phase);
    table[index] = Math.max(radius, 0.35);
  }
  return table;
}

export function radiusAt(table: Float32Array, theta: number): number {
  const position = ((theta / (2 * Math.PI)) * SHAPE_SAMPLES + SHAPE_SAMPLES) % SHAPE_SAMPLES;
  const index = position | 0;
  const fraction = position - index;
  return table[index] + (table[(index + 1) % SHAPE_SAMPLES] - table[index]) * fraction;
}
