import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { compareStoredEvaluations } from '../../compare-stored-evaluations.js';

export const compareModels: QueryResolvers['compareModels'] = (_parent, args, { db }) =>
  compareStoredEvaluations(db, {
    datasetVersionId: args.datasetVersionId,
    modelA: args.modelA,
    modelB: args.modelB,
    split: args.split ?? 'TEST',
    resamples: args.resamples,
  });
