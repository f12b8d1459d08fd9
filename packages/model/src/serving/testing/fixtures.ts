import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { exportVitToOnnx } from '../../onnx/export-vit';
import { createRandomClassifier, createRandomVitWeights } from '../../onnx/testing/random-vit-weights';
import type { VitExportConfig } from '../../onnx/vit-export-types';

export const tinyServingConfig: VitExportConfig = { imageSize: 16, patchSize: 4, width: 24, depth: 2, heads: 3, mlpRatio: 2, layerScale: 0.1, dropPath: 0 };
export const servingClassNames = ['nevus', 'melanoma', 'bcc'];
export const servingConcepts = ['pigmented', 'malignant'];

export function exportTinyModel(options: { classifier?: boolean } = {}) {
  const weights = createRandomVitWeights(tinyServingConfig, 11);
  const classifier = options.classifier === false ? undefined : { weights: createRandomClassifier(tinyServingConfig.width, servingClassNames), classNames: servingClassNames };
  const conceptHead = { weights: createRandomClassifier(tinyServingConfig.width, servingConcepts, 5, 'label_head'), concepts: servingConcepts };
  return { weights, classifier, conceptHead, bytes: exportVitToOnnx({ config: tinyServingConfig, weights, classifier, conceptHead }) };
}

export async function createTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'dermino-serving-'));
}

export async function writeTempModel(dir: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, 'model.onnx');
  await writeFile(path, bytes);
  return path;
}

/** A smooth colour image whose content depends on the seed, so different seeds embed differently. */
export async function createTestImage(seed: number, width = 40, height = 30, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      pixels[offset] = (x * 6 + seed * 40) % 256;
      pixels[offset + 1] = (y * 8 + seed * 90) % 256;
      pixels[offset + 2] = ((x + y) * 3 + seed * 17) % 256;
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 95 }).toBuffer();
}
