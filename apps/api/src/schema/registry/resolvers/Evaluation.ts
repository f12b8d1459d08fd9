import type { EvaluationResolvers } from '../../../generated/resolvers-types.js';
import { pickReportParts } from '../pick-report-parts.js';

export const Evaluation: EvaluationResolvers = {
  report: (parent, { parts }) => pickReportParts(parent.report, parts),
  predictionCount: (parent) => parent._count.predictions,
};
