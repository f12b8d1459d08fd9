import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { noisePixels } from '../../test/support/images.js';
import { hammingDistance, perceptualHashOfRaw } from './perceptual-hash.js';

describe('perceptualHashOfRaw', () => {
  it('computes tiny images in plain code within a few bits of the sharp path (lanczos there, area averaging here)', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const pixels = noisePixels(64, 64, seed);
      const info = { width: 64, height: 64, channels: 3 } as const;
      const viaCode = await perceptualHashOfRaw(pixels, info);
      const grey = await sharp(pixels, { raw: info })
        .greyscale()
        .resize(9, 8, { fit: 'fill' })
        .raw()
        .toBuffer();
      let bits = '';
      for (let y = 0; y < 8; y++)
        for (let x = 0; x < 8; x++) bits += grey[y * 9 + x] < grey[y * 9 + x + 1] ? '1' : '0';
      const viaSharp = BigInt(`0b${bits}`).toString(16).padStart(16, '0');
      expect(hammingDistance(viaCode, viaSharp)).toBeLessThanOrEqual(6);
    }
  });

  it('tells different pictures apart and is stable for the same one', async () => {
    const info = { width: 8, height: 8, channels: 1 } as const;
    const a = await perceptualHashOfRaw(noisePixels(8, 8, 1, 1), info);
    expect(await perceptualHashOfRaw(noisePixels(8, 8, 1, 1), info)).toBe(a);
    expect(hammingDistance(a, await perceptualHashOfRaw(noisePixels(8, 8, 9, 1), info))).toBeGreaterThan(8);
  });
});
