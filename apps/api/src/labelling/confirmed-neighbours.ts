import {
  findSimilarCaseImages,
  getCaseById,
  getImageEmbedding,
  isAppError,
  recordAuditEvents,
} from '@dermino/db';
import { type Context, requireUser } from '../context.js';
import { resolveSearchModel } from '../inference/resolve-search-model.js';
import { pickBestAnnotation } from '../schema/cases/best-annotation.js';

const NEIGHBOURS = 4;

/**
 * The most similar confirmed cases of a served image, by the stored embeddings the similar-case search uses
 * (the champion's, or its backbone's). Empty when there are none to search, or the image was not embedded yet.
 */
export async function findConfirmedNeighbours(context: Context, imageId: string) {
  const user = requireUser(context);
  let model: Awaited<ReturnType<typeof resolveSearchModel>>;
  try {
    model = await resolveSearchModel(context.db, context.services.models, undefined);
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') return [];
    throw error;
  }
  const vector = await getImageEmbedding(context.db, { modelVersionId: model.id, imageId });
  if (!vector) return [];
  const hits = await findSimilarCaseImages(context.db, {
    modelVersionId: model.id,
    vector,
    k: NEIGHBOURS,
    excludeImageId: imageId,
    filter: { confirmedOnly: true },
  });
  await recordAuditEvents(
    context.db,
    hits.map((hit) => ({
      userId: user.id,
      action: 'case.similar',
      entityType: 'Case',
      entityId: hit.caseId,
    })),
  );
  const cases = await Promise.all(hits.map((hit) => getCaseById(context.db, { id: hit.caseId })));
  return hits.flatMap((hit, index) => {
    const found = cases[index];
    if (!found) return [];
    const image = found.images.find((candidate) => candidate.id === hit.imageId) ?? found.images[0];
    return [
      {
        similarity: 1 - hit.distance,
        image,
        case: found,
        diagnosis: pickBestAnnotation(found.annotations) ?? null,
      },
    ];
  });
}
