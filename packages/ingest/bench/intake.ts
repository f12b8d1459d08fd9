import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { mapConcurrent } from '../src/import/map-concurrent.js';
import { storeImage } from '../src/intake/store-image.js';

export interface IntakeBenchResult {
  images: number;
  concurrency: number;
  intakePerSecond: number;
  decodePerSecond: number;
  /** Intake throughput as a fraction of bare decoding: what the rest of intake costs. */
  ratio: number;
  /** CPU milliseconds per image (all threads of this process): robust to other load on the machine. */
  intakeCpuMs: number;
  decodeCpuMs: number;
}

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** A smooth skin-like gradient with texture; image i is shifted and tinted so every file is distinct. */
function basePixels(width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      const lesion = Math.hypot(x - width / 2, y - height / 2) < height / 4 ? 70 : 0;
      const texture = ((x * 7919 + y * 104729) % 23) - 11;
      pixels[p] = 200 - lesion + texture;
      pixels[p + 1] = 160 - lesion * 1.2 + texture;
      pixels[p + 2] = 140 - lesion * 1.1 + texture;
    }
  }
  return pixels;
}

export async function makePhotos(count: number, width = 1024, height = 768): Promise<Buffer[]> {
  const base = basePixels(width, height);
  return mapConcurrent(
    Array.from({ length: count }, (_, i) => i),
    2,
    async (i) => {
      const pixels = Buffer.from(base);
      for (let p = (i * 31) % 97; p < pixels.length; p += 97) pixels[p] = (pixels[p] + i) & 255;
      return sharp(pixels, { raw: { width, height, channels: 3 } })
        .jpeg({ quality: 90 })
        .toBuffer();
    },
  );
}

/**
 * Intake of JPEG photos (1024x768) against the same-run reference: decoding the same files with sharp at the
 * same concurrency, which intake cannot beat (it decodes each file once, then encodes three variants).
 */
export async function benchIntake(photos: Buffer[], concurrency = 4): Promise<IntakeBenchResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-bench-intake-'));
  try {
    let started = performance.now();
    let cpu = cpuMs();
    await mapConcurrent(photos, concurrency, (photo) => sharp(photo).raw().toBuffer());
    const decodeSeconds = (performance.now() - started) / 1000;
    const decodeCpuMs = (cpuMs() - cpu) / photos.length;
    started = performance.now();
    cpu = cpuMs();
    await mapConcurrent(photos, concurrency, (photo) => storeImage(photo, { root }));
    const intakeSeconds = (performance.now() - started) / 1000;
    const intakeCpuMs = (cpuMs() - cpu) / photos.length;
    return {
      images: photos.length,
      concurrency,
      intakePerSecond: photos.length / intakeSeconds,
      decodePerSecond: photos.length / decodeSeconds,
      ratio: decodeSeconds / intakeSeconds,
      intakeCpuMs,
      decodeCpuMs,
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
