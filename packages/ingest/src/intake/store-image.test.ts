import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeImage, makeJpeg, noisePixels, pngHeaderClaiming, tempDir } from '../../test/support/images.js';
import { IntakeError } from './errors.js';
import { hammingDistance } from './perceptual-hash.js';
import { storeImage, storeRawImage } from './store-image.js';

const root = tempDir();

async function refusal(input: Buffer, maxPixels?: number): Promise<IntakeError> {
  const error = await storeImage(input, { root, maxPixels }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IntakeError);
  return error as IntakeError;
}

const storedFiles = () =>
  fs.readdirSync(root, { recursive: true }).filter((name) => String(name).endsWith('.png')).length;

describe('storeImage refuses bad files with a reason', () => {
  it('refuses a zero-byte file', async () => {
    const error = await refusal(Buffer.alloc(0));
    expect([error.reason, error.message]).toEqual(['EMPTY', 'The file is empty (0 bytes).']);
  });

  it('refuses text with an image name by its content', async () => {
    const error = await refusal(Buffer.from('lesion_id,image_id\nHAM_1,ISIC_1\n'));
    expect(error.reason).toBe('UNSUPPORTED_FORMAT');
    expect(error.message).toContain('the content is text');
  });

  it.each([
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'a GIF image'],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'XML/SVG'],
    ['PDF', Buffer.from('%PDF-1.4\n%\xe2\xe3\n', 'latin1'), 'a PDF document'],
    ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'a ZIP archive'],
  ])('refuses %s', async (_name, input, described) => {
    const error = await refusal(input);
    expect(error.reason).toBe('UNSUPPORTED_FORMAT');
    expect(error.message).toContain(described);
  });

  it('refuses a 50,000 x 50,000 PNG header before decoding it', async () => {
    const error = await refusal(pngHeaderClaiming(50_000, 50_000));
    expect(error.reason).toBe('TOO_LARGE');
    expect(error.message).toBe('The image is 50000x50000 pixels, above the limit of 40000000 pixels.');
  });

  it('applies a lower pixel limit when given', async () => {
    expect((await refusal(await makeJpeg(200, 100), 10_000)).reason).toBe('TOO_LARGE');
  });

  it('refuses a truncated JPEG', async () => {
    const jpeg = await makeJpeg(256, 256);
    const error = await refusal(jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    expect(error.reason).toBe('CORRUPT');
  });

  it('refuses a truncated PNG', async () => {
    const png = await makeImage('png', 128, 128);
    expect((await refusal(png.subarray(0, Math.floor(png.length * 0.6)))).reason).toBe('CORRUPT');
  });

  it('refuses a JPEG whose body is garbage', async () => {
    const jpeg = await makeJpeg(64, 64);
    const garbage = Buffer.concat([jpeg.subarray(0, 4), Buffer.alloc(2000, 0x5a)]);
    expect((await refusal(garbage)).reason).toBe('CORRUPT');
  });

  it('refuses a JPEG signature followed by nothing', async () => {
    expect((await refusal(Buffer.from([0xff, 0xd8, 0xff]))).reason).toBe('CORRUPT');
  });

  it('stores nothing for a refused file', async () => {
    const before = storedFiles();
    await refusal(pngHeaderClaiming(50_000, 50_000));
    expect(storedFiles()).toBe(before);
  });
});

describe('storeImage stores clean copies', () => {
  it.each(['jpeg', 'png', 'webp', 'tiff'] as const)(
    'accepts %s and writes three variants',
    async (format) => {
      const stored = await storeImage(await makeImage(format, 40, 30, 3), { root });
      expect(stored).toMatchObject({ width: 40, height: 30, format, existed: false });
      const folder = path.join(root, stored.storageKey);
      expect(fs.readdirSync(folder).sort()).toEqual([
        'intake.json',
        'original.png',
        'thumb.webp',
        'working.webp',
      ]);
    },
  );

  it('strips EXIF with GPS and applies the orientation', async () => {
    const jpeg = await sharp(noisePixels(60, 20, 5), { raw: { width: 60, height: 20, channels: 3 } })
      .withExif({
        IFD0: { Make: 'SecretCam', Artist: 'Dr Jane Doe' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 12/1 0/1' },
      })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const before = await sharp(jpeg).metadata();
    expect([before.orientation, before.exif?.includes('GPS') || before.exif?.length]).toEqual([
      6,
      expect.anything(),
    ]);
    expect(jpeg.includes('SecretCam')).toBe(true);
    const stored = await storeImage(jpeg, { root });
    // Orientation 6 = rotate 90 degrees: the stored image is portrait.
    expect([stored.width, stored.height]).toEqual([20, 60]);
    for (const file of ['original.png', 'working.webp', 'thumb.webp']) {
      const bytes = fs.readFileSync(path.join(root, stored.storageKey, file));
      const metadata = await sharp(bytes).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(bytes.includes('SecretCam') || bytes.includes('Jane Doe')).toBe(false);
    }
  });

  it('makes a working copy of longest side 512 and a 160 thumbnail', async () => {
    const stored = await storeImage(await makeJpeg(1024, 768, 9), { root });
    const folder = path.join(root, stored.storageKey);
    const working = await sharp(path.join(folder, 'working.webp')).metadata();
    const thumb = await sharp(path.join(folder, 'thumb.webp')).metadata();
    expect([working.width, working.height, thumb.width, thumb.height]).toEqual([512, 384, 160, 120]);
  });

  it('links an exact duplicate to the stored copy instead of storing it twice', async () => {
    const jpeg = await makeJpeg(50, 50, 11);
    const first = await storeImage(jpeg, { root });
    const second = await storeImage(Buffer.from(jpeg), { root });
    expect(second).toEqual({ ...first, existed: true });
  });

  it('gives near-duplicates close perceptual hashes and different images distant ones', async () => {
    const jpeg = await makeJpeg(200, 200, 21);
    const resized = await sharp(jpeg).resize(150, 150).jpeg({ quality: 60 }).toBuffer();
    const other = await makeJpeg(200, 200, 22);
    const [a, b, c] = await Promise.all([jpeg, resized, other].map((input) => storeImage(input, { root })));
    expect(a.sha256).not.toBe(b.sha256);
    expect(hammingDistance(a.perceptualHash, b.perceptualHash)).toBeLessThanOrEqual(6);
    expect(hammingDistance(a.perceptualHash, c.perceptualHash)).toBeGreaterThan(12);
  });
});

describe('storeRawImage', () => {
  it('stores 8x8 greyscale pixels and is idempotent', async () => {
    const pixels = noisePixels(8, 8, 4, 1);
    const first = await storeRawImage(pixels, { width: 8, height: 8, channels: 1 }, { root });
    expect(first).toMatchObject({ width: 8, height: 8, format: 'raw', existed: false });
    const file = path.join(root, first.storageKey, 'original.png');
    expect((await sharp(file).metadata()).channels).toBe(1);
    expect((await sharp(file).extractChannel(0).raw().toBuffer()).equals(pixels)).toBe(true);
    expect(await storeRawImage(pixels, { width: 8, height: 8, channels: 1 }, { root })).toEqual({
      ...first,
      existed: true,
    });
  });

  it('refuses pixel counts that do not match the size', async () => {
    await expect(
      storeRawImage(Buffer.alloc(63), { width: 8, height: 8, channels: 1 }, { root }),
    ).rejects.toThrow('Expected 64 pixel values, got 63.');
  });
});
