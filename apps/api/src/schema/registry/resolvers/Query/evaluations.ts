import { findEvaluations } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkId } from '../../check-id.js';

export const evaluations: QueryResolvers['evaluations'] = (_parent, args, { db }) =>
  findEvaluations(db, {
    modelVersionId: checkId(args.modelId, 'modelId'),
    datasetVersionId: checkId(args.datasetVersionId, 'datasetVersionId'),
    take: checkFirst(args.first, 100, 50),
  });
