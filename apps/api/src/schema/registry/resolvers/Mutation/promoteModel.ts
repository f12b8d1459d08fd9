import { AppError, isUuid, promoteModelVersion } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

export const promoteModel: MutationResolvers['promoteModel'] = (_parent, { input }, context) => {
  const user = requireUser(context);
  if (!isUuid(input.modelId)) {
    throw new AppError('NOT_FOUND', {
      message: `No model version with id ${input.modelId}.`,
      details: { argument: 'input.modelId' },
    });
  }
  return promoteModelVersion(context.db, { id: input.modelId, alias: input.alias, updatedBy: user.id });
};
