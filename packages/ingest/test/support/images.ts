// Small images made in the test, so every bad-input case is built from a known good file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';

export function tempDir(prefix = 'dermino-ingest-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A seeded noisy image, so different seeds give visibly different pictures. */
export function noisePixels(width: number, height: number, seed: number, channels = 3): Buffer {
  const pixels = Buffer.alloc(width * height * channels);
  const random = (n: number) => {
    let h = (n ^ (seed * 0x9e3779b1)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  };
  // Blocks of 1/8 of the image with a random level each, plus fine noise: seeds differ in structure.
  for (let i = 0; i < pixels.length; i++) {
    const x = Math.floor(i / channels) % width;
    const y = Math.floor(i / channels / width);
    const block = Math.floor((x * 8) / width) + 8 * Math.floor((y * 8) / height);
    pixels[i] = (random(block) % 200) + (random(i + 1000) % 40);
  }
  return pixels;
}

export function makeJpeg(width: number, height: number, seed = 1): Promise<Buffer> {
  return sharp(noisePixels(width, height, seed), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export function makeImage(
  format: 'png' | 'webp' | 'tiff' | 'jpeg',
  width = 40,
  height = 30,
  seed = 1,
): Promise<Buffer> {
  return sharp(noisePixels(width, height, seed), { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG header claiming width x height, with a few bytes of pixel data: a decompression bomb's shape. */
export function pngHeaderClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
