import { analyzeEmbeddings, countEmbeddings, ensureEmbeddingIndex, findImagesWithoutEmbedding, findRegistryImages, findVersionImages, writeEmbeddings } from '@dermino/db';
import { z } from 'zod';
import type { JobHandler } from '../../worker/job-handler.js';
import { afterSchema, modelRefSchema, resolveModel, waitForJobs } from '../shared/dependencies.js';
import { scoreImages } from '../shared/score-images.js';

const payloadSchema = z
  .object({
    model: modelRefSchema,
    /** Only this version's images; all stored images when absent. */
    datasetVersionId: z.string().uuid().optional(),
    batchSize: z.number().int().min(1).max(4096).default(256),
    after: afterSchema,
  })
  .strict();

type EmbedPayload = z.infer<typeof payloadSchema>;

/**
 * Embeddings of a model into pgvector, in batches. Only images without an embedding for the model are done, and
 * writes skip existing rows, so a resumed or repeated job continues and never duplicates.
 */
export const embedJob: JobHandler<EmbedPayload> = {
  kind: 'EMBED',
  parsePayload: (raw) => payloadSchema.parse(raw),
  async run(context) {
    const { db, home, payload, log, progress } = context;
    await waitForJobs(context as never, payload.after);
    const model = await resolveModel(context as never, payload.model);
    const images = payload.datasetVersionId
      ? await findVersionImages(db, { datasetVersionId: payload.datasetVersionId })
      : await findRegistryImages(db);
    const keyById = new Map(images.map((image) => [image.imageId, image.storageKey]));
    const todo = await findImagesWithoutEmbedding(db, { modelVersionId: model.id, imageIds: [...keyById.keys()] });
    const total = keyById.size;
    let done = total - todo.length;
    await log(`Embedding ${todo.length} of ${total} images with model ${model.id} (${done} already done).`);
    const started = Date.now();
    let failedCount = 0;
    let indexed = false;
    for (let start = 0; start < todo.length; start += payload.batchSize) {
      const ids = todo.slice(start, start + payload.batchSize);
      const result = await scoreImages(home, model, ids.map((id) => keyById.get(id) ?? null));
      for (const failure of result.failed) await log(`Image ${ids[failure.index]}: ${failure.reason}`, 'warn');
      failedCount += result.failed.length;
      const rows = result.scored.map((index, row) => ({ imageId: ids[index], vector: result.embeddings.subarray(row * result.dims, (row + 1) * result.dims) }));
      if (rows.length) {
        await writeEmbeddings(db, { modelVersionId: model.id, dim: result.dims, rows });
        if (!indexed) await ensureEmbeddingIndex(db, { modelVersionId: model.id, dim: result.dims });
        indexed = true;
      }
      done += ids.length;
      const rate = (start + ids.length) / Math.max(0.001, (Date.now() - started) / 1000);
      await progress({ step: done, total, rate, etaSeconds: (total - done) / rate });
    }
    // Fresh statistics, or the planner keeps scanning the model's rows instead of using the HNSW index.
    if (indexed) await analyzeEmbeddings(db);
    const stored = await countEmbeddings(db, { modelVersionId: model.id });
    await progress({ step: total, total, metrics: { embeddings: stored, failed: failedCount } });
    await log(`Model ${model.id} has ${stored} embeddings${failedCount ? `; ${failedCount} images could not be read` : ''}.`);
  },
};
