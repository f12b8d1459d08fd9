import { getModelVersionByAlias, isAppError } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const modelByAlias: QueryResolvers['modelByAlias'] = (_parent, { alias }, { db }) =>
  getModelVersionByAlias(db, { alias }).catch((error) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  });
