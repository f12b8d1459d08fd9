import {
  AppError,
  findConceptIdsWithDescendants,
  findSimilarCaseImages,
  getImageEmbedding,
  recordAuditEvents,
} from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { readInputImage } from '../../../../inference/read-input-image.js';
import { resolveSearchModel } from '../../../../inference/resolve-search-model.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkCaseFilter } from '../../../cases/check-case-filter.js';
import { checkId } from '../../../registry/check-id.js';

export const similarCases: QueryResolvers['similarCases'] = async (_parent, { input }, context) => {
  const user = requireUser(context);
  const k = checkFirst(input.k, 50, 10, 'k');
  checkCaseFilter(input.filter);
  const model = await resolveSearchModel(
    context.db,
    context.services.models,
    checkId(input.modelId, 'modelId'),
  );
  let vector: ArrayLike<number> | null;
  if (input.imageId && !input.uploadId) {
    checkId(input.imageId, 'imageId');
    vector = await getImageEmbedding(context.db, { modelVersionId: model.id, imageId: input.imageId });
    if (!vector) {
      throw new AppError('CONFLICT', {
        message: `Image ${input.imageId} has no embedding for model ${model.name}: run an EMBED job that covers it, or upload it.`,
        details: { argument: 'imageId', reason: 'NO_EMBEDDING' },
      });
    }
  } else {
    context.services.predictLimiter.take(user.id);
    const image = await readInputImage(context.db, context.config.home, input, user, 'case.similar');
    const loaded = await context.services.models.get({ modelId: model.id });
    vector = (await loaded.session.predict([image.bytes]))[0].embedding;
  }
  const filter = input.filter ?? {};
  const hits = await findSimilarCaseImages(context.db, {
    modelVersionId: model.id,
    vector,
    k,
    excludeImageId: input.imageId,
    filter: {
      confirmedOnly: filter.confirmedOnly ?? false,
      sites: filter.site ?? undefined,
      skinTypes: filter.skinType ?? undefined,
      conceptIds: filter.diagnosis?.length
        ? await findConceptIdsWithDescendants(context.db, { codes: filter.diagnosis })
        : undefined,
    },
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
  return { modelVersionId: model.id, hits };
};
