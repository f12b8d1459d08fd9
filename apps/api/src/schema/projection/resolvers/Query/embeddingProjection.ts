import { AppError, findProjectionRows, getModelVersionById } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkId } from '../../../registry/check-id.js';
import { projectPca } from '../../project-pca.js';

const MAX_POINTS = 5000;

export const embeddingProjection: QueryResolvers['embeddingProjection'] = async (_parent, args, { db }) => {
  const limit = checkFirst(args.limit, MAX_POINTS, 2000, 'limit');
  const datasetVersionId = checkId(args.datasetVersionId, 'datasetVersionId') ?? null;
  const model = await getModelVersionById(db, { id: args.modelId }).catch((error: unknown) => {
    throw new AppError('NOT_FOUND', {
      message: `No model with id ${args.modelId}.`,
      details: { argument: 'modelId' },
      cause: error,
    });
  });
  const { total, rows } = await findProjectionRows(db, { modelVersionId: model.id, datasetVersionId, limit });
  if (total === 0) {
    const scope = datasetVersionId ? ` for the images of dataset version ${datasetVersionId}` : '';
    throw new AppError('NOT_FOUND', {
      message: `Model ${model.name} (${model.id}) has no stored embeddings${scope}; an EMBED job makes them.`,
      details: { argument: datasetVersionId ? 'datasetVersionId' : 'modelId' },
    });
  }
  const { points, explainedVariance } = projectPca(rows.map((row) => row.vector));
  return {
    modelId: model.id,
    method: 'PCA',
    explainedVariance,
    total,
    points: rows.map(({ vector: _vector, ...row }, i) => ({ ...row, x: points[i][0], y: points[i][1] })),
  };
};
