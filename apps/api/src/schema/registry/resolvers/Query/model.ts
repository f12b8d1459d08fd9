import { getModelVersionById, isAppError, isUuid } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const model: QueryResolvers['model'] = async (_parent, { id }, { db }) => {
  if (!isUuid(id)) return null;
  return getModelVersionById(db, { id }).catch((error) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  });
};
