import type { EvaluationResolvers } from '../../../generated/resolvers-types.js';

export const Evaluation: EvaluationResolvers = {
  predictionCount: (parent) => parent._count.predictions,
};
