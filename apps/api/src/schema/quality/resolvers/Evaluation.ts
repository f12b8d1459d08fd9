import type { EvaluationResolvers } from '../../../generated/resolvers-types.js';
import { readBaseline } from '../read-baseline.js';

export const EvaluationBaseline: Pick<EvaluationResolvers, 'baseline'> = {
  baseline: (parent) => readBaseline(parent.baseline),
};
