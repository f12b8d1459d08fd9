import type { Rng } from '../prng.js';
import type { SynthCase } from '../types.js';
import { smoothstep } from './noise.js';
import type { Rgb } from './primitives.js';

/** Per-pixel inputs of a lesion look, in the lesion frame (nominal radius 1). Noise values are in [0, 1]. */
export interface LookContext {
  lx: number;
  ly: number;
  /** Distance from the centre relative to the outline at this angle: 1 on the border. */
  u: number;
  n1: number;
  n2: number;
  n3: number;
  /** Finer noise, for texture. */
  fine: number;
}

export interface LesionLook {
  /** Border softness, in lesion radii. */
  edge: number;
  /** How much the softness varies around the border (sharp in places, fading in others). */
  edgeVariation: number;
  /** Writes the lesion colour at this point, as authored on the reference skin. */
  shade(context: LookContext, out: Float32Array): void;
}

export type LookFactory = (abcd: SynthCase['abcd'], rng: Rng) => LesionLook;

export function setRgb(out: Float32Array, colour: Rgb): void {
  out[0] = colour[0];
  out[1] = colour[1];
  out[2] = colour[2];
}

export function mixRgb(out: Float32Array, colour: Rgb, weight: number): void {
  if (weight <= 0) return;
  out[0] += (colour[0] - out[0]) * weight;
  out[1] += (colour[1] - out[1]) * weight;
  out[2] += (colour[2] - out[2]) * weight;
}

export function scaleRgb(colour: Rgb, factor: number): Rgb {
  return [colour[0] * factor, colour[1] * factor, colour[2] * factor];
}

/**
 * Pigment network: a warped grid of lines, 1 on a line and 0 in a hole. The warp (from noise) turns the
 * grid into the honeycomb seen in dermoscopy; a larger warp gives an atypical, irregular network.
 */
export function networkLine(
  context: LookContext,
  frequency: number,
  angle: number,
  warp: number,
  width: number,
): number {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const x = context.lx * cos - context.ly * sin + (context.n2 - 0.5) * warp;
  const y = context.lx * sin + context.ly * cos + (context.n3 - 0.5) * warp;
  const a = Math.abs(Math.sin(Math.PI * frequency * x));
  const b = Math.abs(Math.sin(Math.PI * frequency * y));
  return 1 - smoothstep(0, width, Math.min(a, b));
}

export function randomPointInDisk(rng: Rng, maxRadius: number): [number, number] {
  const radius = maxRadius * Math.sqrt(rng.next());
  const angle = rng.uniform(0, 2 * Math.PI);
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}
