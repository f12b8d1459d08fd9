import { describe, expect, it } from 'vitest';
import { measureImageQuality } from './image-quality.js';

const grey = (width: number, height: number, values: number[]) => ({
  width,
  height,
  channels: 1,
  data: values,
});

describe('measureImageQuality', () => {
  it('computes every statistic by hand on a 4x4 grey image with one bright pixel', () => {
    const values = new Array(16).fill(0);
    values[1 * 4 + 1] = 100;
    const quality = measureImageQuality(grey(4, 4, values));
    expect(quality.brightness).toBeCloseTo(100 / 16, 10);
    // E[x^2] - mean^2 = 10000/16 - 6.25^2 = 585.9375
    expect(quality.contrast).toBeCloseTo(Math.sqrt(585.9375), 10);
    expect(quality.colorCast).toBe(0);
    // Laplacian at the 4 interior pixels: -400, 100, 100, 0 -> mean -50, variance (350^2 + 2*150^2 + 50^2) / 4
    expect(quality.blurVariance).toBeCloseTo(42500, 8);
  });

  it('uses BT.601 luma and measures the colour cast as distance of mean chromaticity from grey', () => {
    const data = new Uint8Array(9 * 3);
    for (let pixel = 0; pixel < 9; pixel++) data.set([200, 100, 100], pixel * 3);
    const quality = measureImageQuality({ width: 3, height: 3, channels: 3, data });
    expect(quality.brightness).toBeCloseTo(0.299 * 200 + 0.587 * 100 + 0.114 * 100, 10);
    expect(quality.contrast).toBe(0);
    expect(quality.blurVariance).toBe(0);
    // chromaticity (1/2, 1/4, 1/4): sqrt((1/6)^2 + 2 (1/12)^2) = sqrt(6) / 12
    expect(quality.colorCast).toBeCloseTo(Math.sqrt(6) / 12, 12);
  });

  it('gives a colour cast independent of exposure and zero for neutral or black images', () => {
    const tinted = (r: number, g: number, b: number) => ({
      width: 3,
      height: 3,
      channels: 3,
      data: Array.from({ length: 9 }, () => [r, g, b]).flat(),
    });
    expect(measureImageQuality(tinted(100, 90, 60)).colorCast).toBeCloseTo(
      measureImageQuality(tinted(200, 180, 120)).colorCast,
      12,
    );
    expect(measureImageQuality(tinted(80, 80, 80)).colorCast).toBe(0);
    expect(measureImageQuality(tinted(0, 0, 0)).colorCast).toBe(0);
  });

  it('ignores the alpha channel of RGBA images', () => {
    const rgb = [
      10, 20, 30, 200, 100, 50, 0, 255, 0, 5, 5, 5, 9, 8, 7, 100, 110, 120, 40, 30, 20, 1, 2, 3, 250, 0, 125,
    ];
    const rgba = rgb.flatMap((value, index) => (index % 3 === 2 ? [value, (index * 37) % 256] : [value]));
    expect(measureImageQuality({ width: 3, height: 3, channels: 4, data: rgba })).toEqual(
      measureImageQuality({ width: 3, height: 3, channels: 3, data: rgb }),
    );
  });

  it('gives a lower blur variance after smoothing a sharp pattern', () => {
    const size = 16;
    const sharp = Array.from({ length: size * size }, (_, index) =>
      ((index % size) + Math.floor(index / size)) % 2 ? 200 : 50,
    );
    const smooth = sharp.map((_, index) => {
      const x = index % size;
      const y = Math.floor(index / size);
      let sum = 0;
      let count = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const sx = Math.min(size - 1, Math.max(0, x + dx));
          const sy = Math.min(size - 1, Math.max(0, y + dy));
          sum += sharp[sy * size + sx];
          count++;
        }
      }
      return sum / count;
    });
    const before = measureImageQuality(grey(size, size, sharp)).blurVariance;
    const after = measureImageQuality(grey(size, size, smooth)).blurVariance;
    expect(after).toBeLessThan(before / 10);
  });

  it('rejects malformed images with an error naming the problem', () => {
    expect(() => measureImageQuality(grey(2, 4, new Array(8).fill(0)))).toThrow(
      /width must be an integer >= 3 \(got 2\)/,
    );
    expect(() =>
      measureImageQuality({ width: 3, height: 3, channels: 2, data: new Array(18).fill(0) }),
    ).toThrow(/channels must be 1, 3 or 4 \(got 2\)/);
    expect(() =>
      measureImageQuality({ width: 3, height: 3, channels: 3, data: new Array(26).fill(0) }),
    ).toThrow(/data has 26 values, expected .* = 27/);
  });
});
