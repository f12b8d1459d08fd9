import {
  AppError,
  countEmbeddings,
  type DbClient,
  getModelVersionById,
  type ModelVersionRecord,
} from '@dermino/db';
import type { ModelSessions } from './model-sessions.js';

/**
 * The model whose embedding space is searched: the named one, or the champion; a classifier without
 * embeddings falls back to its backbone (the embed job usually runs on the backbone).
 */
export async function resolveSearchModel(
  db: DbClient,
  models: ModelSessions,
  modelId: string | undefined,
): Promise<ModelVersionRecord> {
  const chosen = modelId ? await getModelVersionById(db, { id: modelId }) : (await models.get({})).model;
  if ((await countEmbeddings(db, { modelVersionId: chosen.id })) > 0) return chosen;
  if (chosen.parentId && (await countEmbeddings(db, { modelVersionId: chosen.parentId })) > 0) {
    return getModelVersionById(db, { id: chosen.parentId });
  }
  throw new AppError('CONFLICT', {
    message: `Model ${chosen.name} has no embeddings to search yet: run an EMBED job for it (or its backbone) first.`,
    details: { argument: 'modelId', reason: 'NO_EMBEDDINGS' },
  });
}
