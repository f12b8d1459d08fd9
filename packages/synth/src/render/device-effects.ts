import { createRng } from '../prng.js';
import type { DeviceProfile } from '../types.js';

const GAUSSIAN_TABLE_SIZE = 1 << 16;
let gaussianTable: Float32Array | undefined;

/** Standard normals drawn once: per-pixel Box-Muller was the single largest cost of a render. */
function getGaussianTable(): Float32Array {
  if (!gaussianTable) {
    const rng = createRng('synth-gaussian-table');
    gaussianTable = new Float32Array(GAUSSIAN_TABLE_SIZE);
    for (let index = 0; index < GAUSSIAN_TABLE_SIZE; index++) gaussianTable[index] = rng.normal();
  }
  return gaussianTable;
}

/** What the device does to the scene: white balance and exposure, optical blur, vignetting, sensor noise. */
export function applyDevice(
  pixels: Float32Array,
  size: number,
  device: DeviceProfile,
  exposure: number,
  noiseSeed: number,
): Uint8Array {
  const gains = device.castGains.map((gain) => gain * exposure);
  for (let index = 0; index < pixels.length; index += 3) {
    pixels[index] *= gains[0];
    pixels[index + 1] *= gains[1];
    pixels[index + 2] *= gains[2];
  }
  const sigma = device.blurSigma * size;
  if (sigma >= 0.25) gaussianBlur(pixels, size, sigma);
  const out = new Uint8Array(pixels.length);
  const table = getGaussianTable();
  // xorshift32 picks table entries; | 1 keeps the state non-zero.
  let state = noiseSeed | 1;
  const noiseStd = device.noiseStd;
  const centre = (size - 1) / 2;
  const cornerSq = 2 * centre * centre || 1;
  const vignette = device.vignette;
  for (let y = 0; y < size; y++) {
    const dy = (y - centre) * (y - centre);
    for (let x = 0; x < size; x++) {
      const distanceSq = ((x - centre) * (x - centre) + dy) / cornerSq;
      const falloff = 1 - vignette * distanceSq * distanceSq;
      const end = (y * size + x) * 3 + 3;
      for (let offset = end - 3; offset < end; offset++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        // Uint8Array stores truncate, so + 0.5 rounds; clamping keeps highlights from wrapping.
        const value = pixels[offset] * falloff + noiseStd * table[state >>> 16] + 0.5;
        out[offset] = value <= 0 ? 0 : Math.min(value, 255);
      }
    }
  }
  return out;
}

function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.ceil(sigma * 3);
  const kernel = new Float32Array(radius * 2 + 1);
  let total = 0;
  for (let offset = -radius; offset <= radius; offset++) {
    kernel[offset + radius] = Math.exp(-(offset * offset) / (2 * sigma * sigma));
    total += kernel[offset + radius];
  }
  for (let index = 0; index < kernel.length; index++) kernel[index] /= total;
  return kernel;
}

/** Separable Gaussian blur with clamped edges, in place. */
export function gaussianBlur(pixels: Float32Array, size: number, sigma: number): void {
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const scratch = new Float32Array(pixels.length);
  const pass = (source: Float32Array, target: Float32Array, horizontal: boolean) => {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let tap = -radius; tap <= radius; tap++) {
          const sx = horizontal ? Math.min(size - 1, Math.max(0, x + tap)) : x;
          const sy = horizontal ? y : Math.min(size - 1, Math.max(0, y + tap));
          const weight = kernel[tap + radius];
          const offset = (sy * size + sx) * 3;
          r += source[offset] * weight;
          g += source[offset + 1] * weight;
          b += source[offset + 2] * weight;
        }
        const offset = (y * size + x) * 3;
        target[offset] = r;
        target[offset + 1] = g;
        target[offset + 2] = b;
      }
    }
  };
  pass(pixels, scratch, true);
  pass(scratch, pixels, false);
}
