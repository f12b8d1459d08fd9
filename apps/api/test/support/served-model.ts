import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createJob, type Db, registerModelVersion } from '@dermino/db';
import { uniqueName } from '@dermino/db/testing';
import { createVit, disposeModel, exportVitToOnnx, getVitWeights } from '@dermino/model';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import sharp from 'sharp';

/** Seeded uniform values in [-scale, scale] (mulberry32), so every run exports the same model. */
function seededValues(seed: number, size: number, scale: number): Float32Array {
  let state = seed >>> 0;
  return Float32Array.from({ length: size }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) * scale;
  });
}

/**
 * A real served model: a randomly initialised `tiny` ViT with a random classifier head, exported to ONNX by
 * @dermino/model, written under <home>/models/<job>/model.onnx and registered with its checksum, as the
 * trainer's finetune job does. Its predictions are meaningless but every part of the serving path is real.
 */
export async function registerTinyServedModel(
  db: Db,
  home: string,
  options: { seed?: number; classes?: string[]; preset?: 'tiny' | 'vit-s16' } = {},
) {
  await tf.setBackend('cpu');
  const classes = options.classes ?? ['nv', 'mel', 'bcc'];
  const vit = createVit(options.preset ?? 'tiny', { seed: options.seed ?? 1 });
  const weights = getVitWeights(vit);
  const width = vit.config.width;
  const onnx = exportVitToOnnx({
    config: vit.config,
    weights,
    classifier: {
      classNames: classes,
      weights: {
        'head.weight': {
          shape: [width, classes.length],
          data: seededValues(options.seed ?? 1, width * classes.length, 0.5),
        },
        'head.bias': {
          shape: [classes.length],
          data: seededValues((options.seed ?? 1) + 7, classes.length, 0.1),
        },
      },
    },
  });
  disposeModel(vit);
  const job = await createJob(db, { kind: 'FINETUNE', payload: { test: true } });
  const storageKey = path.posix.join('models', job.id, 'model.onnx');
  fs.mkdirSync(path.join(home, 'models', job.id), { recursive: true });
  fs.writeFileSync(path.join(home, storageKey), onnx);
  const sha256 = createHash('sha256').update(onnx).digest('hex');
  return registerModelVersion(db, {
    name: uniqueName('tiny-served'),
    kind: 'CLASSIFIER',
    config: JSON.parse(JSON.stringify({ vit: vit.config })),
    classes,
    jobId: job.id,
    artifacts: [{ kind: 'onnx', storageKey, sha256, bytes: onnx.length }],
  });
}

/** A smooth colour PNG whose content depends on the seed. */
export async function createTestPng(seed: number, width = 64, height = 48): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      pixels[offset] = (x * 4 + seed * 40) % 256;
      pixels[offset + 1] = (y * 5 + seed * 90) % 256;
      pixels[offset + 2] = ((x + y) * 3 + seed * 17) % 256;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}
