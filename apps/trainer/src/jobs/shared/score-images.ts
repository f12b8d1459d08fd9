import { readFile } from 'node:fs/promises';
import type { ModelVersionRecord } from '@dermino/db';
import { createInferenceSession } from '@dermino/model';
import { readArtifact } from './artifacts.js';
import { imageFile } from './load-pixels.js';
import { scoreKnn } from './score-knn.js';
import { decodeWeights } from './weights-file.js';

export interface ScoredImages {
  /** Row-major [scored, classes] probabilities (classifiers) — empty for a backbone. */
  probabilities: Float32Array;
  /** Row-major [scored, width] embeddings. */
  embeddings: Float32Array;
  dims: number;
  classes: string[];
  /** Indices (into the given list) of the images that were scored. */
  scored: number[];
  failed: { index: number; reason: string }[];
}

const BATCH = 32;

/**
 * Runs a registered model's ONNX export (the artifact that is served, checksum verified) over stored images.
 * A kNN classifier scores the embeddings against its stored memory.
 */
export async function scoreImages(
  home: string,
  model: ModelVersionRecord,
  storageKeys: (string | null)[],
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<ScoredImages> {
  const session = await createInferenceSession({ bytes: await readArtifact(home, model, 'onnx'), maxBatchSize: BATCH, maxWaitMs: 0 });
  const classes = (model.classes as string[] | null) ?? [];
  const knn = model.artifacts.some((a) => a.kind === 'knn-memory')
    ? decodeWeights(await readArtifact(home, model, 'knn-memory'), `model ${model.id} knn-memory`)
    : null;
  const embeddings: number[][] = [];
  const probabilities: number[][] = [];
  const scored: number[] = [];
  const failed: ScoredImages['failed'] = [];
  try {
    for (let start = 0; start < storageKeys.length; start += BATCH) {
      const keys = storageKeys.slice(start, start + BATCH);
      const bytes = await Promise.allSettled(keys.map((key) => (key ? readFile(imageFile(home, key)) : Promise.reject(new Error('image has no stored file')))));
      const ready = bytes.flatMap((result, offset) => {
        if (result.status === 'fulfilled') return [{ index: start + offset, bytes: result.value }];
        failed.push({ index: start + offset, reason: (result.reason as Error).message.split('\n')[0] });
        return [];
      });
      const outputs = await Promise.allSettled(ready.map((item) => session.predict([item.bytes]).then(([p]) => p)));
      outputs.forEach((output, k) => {
        if (output.status === 'rejected') {
          failed.push({ index: ready[k].index, reason: (output.reason as Error).message.split('\n')[0] });
          return;
        }
        scored.push(ready[k].index);
        embeddings.push(Array.from(output.value.embedding));
        if (output.value.probabilities) probabilities.push(Array.from(output.value.probabilities));
      });
      await onProgress?.(Math.min(start + BATCH, storageKeys.length), storageKeys.length);
    }
  } finally {
    await session.close();
  }
  const dims = embeddings[0]?.length ?? 0;
  const flatEmbeddings = Float32Array.from(embeddings.flat());
  let flatProbabilities: Float32Array = Float32Array.from(probabilities.flat());
  if (knn && scored.length) {
    const memory = { features: knn.features.data, labels: Int32Array.from(knn.labels.data) };
    const k = (model.config as { k?: number }).k ?? 20;
    flatProbabilities = await scoreKnn(memory, flatEmbeddings, dims, classes.length, k);
  }
  return { probabilities: flatProbabilities, embeddings: flatEmbeddings, dims, classes, scored, failed };
}
