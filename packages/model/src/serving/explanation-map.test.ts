import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { colourOf, renderExplanationOverlay, toExplanationMap } from './explanation-map';

describe('explanation maps', () => {
  it('normalises a raw patch map to [0, 1] on a square grid', () => {
    const map = toExplanationMap('cls_attention', new Float32Array([0.1, 0.3, 0.2, 0.5]));
    expect(map.gridSize).toBe(2);
    expect(Array.from(map.values)).toEqual([0, 0.5, 0.25, 1].map((v) => Math.fround(v)));
    expect(Array.from(toExplanationMap('cls_attention', new Float32Array(4).fill(0.2)).values)).toEqual([0, 0, 0, 0]);
    expect(() => toExplanationMap('cls_attention', new Float32Array(5))).toThrow(/not a square grid/);
  });

  it('renders a PNG overlay that is red where the map is high and not where it is low', async () => {
    const grey = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#808080' } }).png().toBuffer();
    const explanation = toExplanationMap('attention_rollout', new Float32Array([1, 0, 0, 0]));
    const png = await renderExplanationOverlay({ image: grey, explanation, size: 64 });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.format, info.width, info.height]).toEqual(['raw', 64, 64]);
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * 64 + x) * info.channels, (y * 64 + x) * info.channels + 3));
    const [hotRed, , hotBlue] = pixel(4, 4);
    const [coldRed, , coldBlue] = pixel(60, 60);
    expect(hotRed).toBeGreaterThan(hotBlue + 50);
    expect(coldBlue).toBeGreaterThan(coldRed);
    expect(colourOf(1)).toEqual([230, 0, 0]);
    await expect(renderExplanationOverlay({ image: Buffer.from('nope'), explanation })).rejects.toThrow(/not decodable/);
  });
});
