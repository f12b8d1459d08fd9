import { AppError, getModelVersionById, getUploadOfUser, recordSimilarCaseFeedback } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';
import { checkId } from '../../../registry/check-id.js';

export const rateSimilarCase: MutationResolvers['rateSimilarCase'] = async (_parent, { input }, context) => {
  const user = requireUser(context);
  if (Boolean(input.queryImageId) === Boolean(input.queryUploadId)) {
    throw new AppError('BAD_INPUT', {
      message: 'Give exactly one of queryImageId and queryUploadId.',
      details: { argument: 'input' },
    });
  }
  const model = await getModelVersionById(context.db, { id: input.modelId });
  if (input.queryUploadId) await getUploadOfUser(context.db, { id: input.queryUploadId, userId: user.id });
  return recordSimilarCaseFeedback(context.db, {
    userId: user.id,
    modelVersionId: model.id,
    queryImageId: checkId(input.queryImageId, 'queryImageId'),
    queryUploadId: checkId(input.queryUploadId, 'queryUploadId'),
    resultImageId: checkId(input.resultImageId, 'resultImageId') as string,
    helpful: input.helpful,
  });
};
