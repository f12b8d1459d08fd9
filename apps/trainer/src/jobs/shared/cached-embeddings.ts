import {
  analyzeEmbeddings,
  type Db,
  ensureEmbeddingIndex,
  findEmbeddings,
  type ModelVersionRecord,
  writeEmbeddings,
} from '@dermino/db';
import { scoreImages } from './score-images.js';

export interface CachedEmbeddings {
  /** Row-major [embedded, dims], in the order of `embedded`. */
  features: Float32Array;
  dims: number;
  /** Indices (into the given images) that have an embedding, in order. */
  embedded: number[];
  failed: { index: number; reason: string }[];
  /** How many came from the cache (pgvector) and how many were computed now. */
  cached: number;
  computed: number;
}

/**
 * A backbone's CLS embeddings of images, from pgvector where an EMBED job (or an earlier call) stored them, else
 * computed with its ONNX export (the served artifact) and stored: embedding once is what makes heads train in
 * seconds, and the stored rows also serve similar-case search. pgvector keeps float32, so a cached row is the
 * same vector the model produced.
 */
export async function cachedEmbeddings(
  db: Db,
  home: string,
  backbone: ModelVersionRecord,
  images: { imageId: string; storageKey: string | null }[],
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<CachedEmbeddings> {
  const stored = new Map<string, number[]>();
  for (let start = 0; start < images.length; start += 2000) {
    const ids = images.slice(start, start + 2000).map((image) => image.imageId);
    for (const row of await findEmbeddings(db, { modelVersionId: backbone.id, imageIds: ids }))
      stored.set(row.imageId, row.vector);
  }
  const missing = images.flatMap((image, index) => (stored.has(image.imageId) ? [] : [index]));
  const failed: CachedEmbeddings['failed'] = [];
  const fresh = new Map<number, Float32Array>();
  if (missing.length) {
    const result = await scoreImages(
      home,
      backbone,
      missing.map((index) => images[index].storageKey),
      onProgress,
    );
    for (const failure of result.failed)
      failed.push({ index: missing[failure.index], reason: failure.reason });
    for (const [row, position] of result.scored.entries()) {
      fresh.set(missing[position], result.embeddings.slice(row * result.dims, (row + 1) * result.dims));
    }
    const rows = [...fresh].map(([index, vector]) => ({ imageId: images[index].imageId, vector }));
    for (let start = 0; start < rows.length; start += 500) {
      await writeEmbeddings(db, {
        modelVersionId: backbone.id,
        dim: result.dims,
        rows: rows.slice(start, start + 500),
      });
    }
    if (rows.length) {
      await ensureEmbeddingIndex(db, { modelVersionId: backbone.id, dim: result.dims });
      await analyzeEmbeddings(db);
    }
  }
  const dims = stored.values().next().value?.length ?? fresh.values().next().value?.length ?? 0;
  const embedded = images.flatMap((_, index) =>
    fresh.has(index) || stored.has(images[index].imageId) ? [index] : [],
  );
  const features = new Float32Array(embedded.length * dims);
  embedded.forEach((index, row) => {
    const vector = fresh.get(index) ?? stored.get(images[index].imageId)!;
    if (vector.length !== dims)
      throw new Error(
        `Model ${backbone.id}: stored embedding of image ${images[index].imageId} has ${vector.length} values, expected ${dims}.`,
      );
    features.set(vector, row * dims);
  });
  return {
    features,
    dims,
    embedded,
    failed: failed.sort((a, b) => a.index - b.index),
    cached: embedded.length - fresh.size,
    computed: fresh.size,
  };
}
