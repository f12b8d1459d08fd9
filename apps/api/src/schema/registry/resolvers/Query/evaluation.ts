import { getEvaluationById, isUuid } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const evaluation: QueryResolvers['evaluation'] = async (_parent, { id }, { db }) =>
  isUuid(id) ? getEvaluationById(db, { id }).catch(() => null) : null;
