import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGENET_MEAN, IMAGENET_STD, type PreprocessingSpec } from '../onnx/vit-export-types';
import { preprocessImage } from './preprocess-image';
import { createTestImage } from './testing/fixtures';

const spec: PreprocessingSpec = {
  layout: 'NHWC',
  imageSize: 16,
  resize: 'shorter-side-centre-crop',
  mean: [...IMAGENET_MEAN],
  std: [...IMAGENET_STD],
};

/** A wide image: red left quarter, green middle half, blue right quarter. */
async function createStripedImage(): Promise<Buffer> {
  const width = 64;
  const height = 32;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const channel = x < 16 ? 0 : x < 48 ? 1 : 2;
      pixels[(y * width + x) * 3 + channel] = 255;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

describe('preprocessImage', () => {
  it('scales the shorter side, crops the centre and normalises with the ImageNet statistics', async () => {
    const input = await preprocessImage(await createStripedImage(), spec);
    expect(input.length).toBe(16 * 16 * 3);
    // Only the green middle half survives the centre crop of a 2:1 image (edge columns see resampling ringing).
    const red = (0 - IMAGENET_MEAN[0]) / IMAGENET_STD[0];
    const green = (1 - IMAGENET_MEAN[1]) / IMAGENET_STD[1];
    for (let y = 0; y < 16; y += 1) {
      for (let x = 2; x < 14; x += 1) {
        // Within 3 grey levels: lanczos3 rings a little; a wrong crop would be off by 255 levels.
        expect(Math.abs(input[(y * 16 + x) * 3] - red)).toBeLessThan(3 / 255 / IMAGENET_STD[0]);
        expect(Math.abs(input[(y * 16 + x) * 3 + 1] - green)).toBeLessThan(3 / 255 / IMAGENET_STD[1]);
      }
    }
  });

  it('does not resample an image already at the serving size (224 px, an imported ViT/14): every pixel is kept', async () => {
    const size = 224;
    const pixels = Buffer.alloc(size * size * 3);
    for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * 2654435761) >>> 24; // noise: any resampling shows
    const png = await sharp(pixels, { raw: { width: size, height: size, channels: 3 } })
      .png()
      .toBuffer();
    const input = await preprocessImage(png, { ...spec, imageSize: size });
    let worst = 0;
    for (let i = 0; i < pixels.length; i += 1) {
      const c = i % 3;
      worst = Math.max(worst, Math.abs(input[i] - (pixels[i] / 255 - IMAGENET_MEAN[c]) / IMAGENET_STD[c]));
    }
    expect(worst).toBeLessThan(1e-5);
  });

  it('accepts greyscale and RGBA images as RGB', async () => {
    const grey = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#808080' } })
      .greyscale()
      .png()
      .toBuffer();
    const rgba = await sharp({
      create: { width: 20, height: 20, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    expect((await preprocessImage(grey, spec)).length).toBe(768);
    expect((await preprocessImage(rgba, spec))[0]).toBeCloseTo((1 - IMAGENET_MEAN[0]) / IMAGENET_STD[0], 4);
  });

  it('rejects bytes that are not an image and truncated files, naming the image', async () => {
    await expect(preprocessImage(Buffer.from('not an image at all'), spec, 'notes.txt')).rejects.toThrow(
      /notes\.txt: not a decodable image/,
    );
    const png = await createTestImage(1, 64, 64);
    await expect(preprocessImage(png.subarray(0, png.length - 40), spec, 'cut.png')).rejects.toThrow(
      /cut\.png: not a decodable image/,
    );
    const jpeg = await createTestImage(1, 64, 64, 'jpeg');
    await expect(
      preprocessImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)), spec, 'cut.jpg'),
    ).rejects.toThrow(/cut\.jpg: not a decodable image/);
  });
});
