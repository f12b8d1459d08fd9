import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { deriveConceptEmbeddings } from '@dermino/model';
import { generateCohort, renderSamples, SYNTH_CLASS_CODES } from '@dermino/synth';
import sharp from 'sharp';
import type { PretrainData } from '../jobs/pretrain/pretrain-loop.js';

/** Every file under a folder (recursively), sorted, for commands that take `--images <folder>`. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${folder}: cannot read folder (${error.code ?? error.message})`);
  });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/**
 * `--data synthetic:N` (N images from @dermino/synth with their observed labels, 20% labelled) or a folder of images
 * (unlabelled; files that are not images are skipped with a warning).
 */
export async function loadCliData(spec: string, size: number, warn: (message: string) => void): Promise<PretrainData> {
  const synthetic = /^synthetic:(\d+)$/.exec(spec);
  if (synthetic) {
    const count = Number(synthetic[1]);
    if (count < 2) throw new Error(`--data synthetic:N needs N >= 2, got ${count}`);
    const cohort = generateCohort({ seed: 1, imageCount: count });
    const images = cohort.images.slice(0, count);
    const samples = renderSamples(images, size);
    const pixels = new Float32Array(samples.length * size * size * 3);
    samples.forEach((sample, i) => sample.data.forEach((v, j) => (pixels[i * size * size * 3 + j] = v / 255)));
    const concepts = [...SYNTH_CLASS_CODES];
    return {
      pixels,
      count: samples.length,
      size,
      labels: {
        concepts,
        embeddings: deriveConceptEmbeddings(concepts.map((code) => ({ code })), 64),
        labelOf: Int32Array.from(images, (image) => (image.label ? concepts.indexOf(image.label) : -1)),
      },
    };
  }
  if (spec.includes(':')) throw new Error(`--data must be synthetic:N or a folder, got "${spec}"`);
  const files = await listFiles(spec);
  const buffers: Buffer[] = [];
  for (const file of files) {
    try {
      buffers.push((await sharp(file).resize(size, size, { fit: 'cover' }).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true })).data);
    } catch (error) {
      warn(`${file}: skipped, not a decodable image (${(error as Error).message.split('\n')[0]})`);
    }
  }
  if (buffers.length < 2) throw new Error(`${spec}: found ${buffers.length} readable images, pretraining needs at least 2`);
  const pixels = new Float32Array(buffers.length * size * size * 3);
  buffers.forEach((buffer, i) => buffer.forEach((v, j) => (pixels[i * size * size * 3 + j] = v / 255)));
  return { pixels, count: buffers.length, size };
}
