import { AppError } from '@dermino/db';
import type { JobResolvers } from '../../../generated/resolvers-types.js';
import { readCurve } from '../read-curve.js';

const MAX_LOG_LINES = 500;
const TRAINING_KINDS = new Set(['PRETRAIN', 'FINETUNE']);

export const Job: JobResolvers = {
  logs: (parent, { last }, { loaders }) => {
    if (!Number.isInteger(last) || last < 1 || last > MAX_LOG_LINES) {
      throw new AppError('BAD_INPUT', {
        message: `Argument "last" must be from 1 to ${MAX_LOG_LINES}; got ${last}.`,
        details: { argument: 'last' },
      });
    }
    return loaders.jobLogs.load(`${last}:${parent.id}`);
  },
  curve: async (parent, _args, { loaders }) => {
    if (!TRAINING_KINDS.has(parent.kind) || parent.status !== 'SUCCEEDED') return [];
    return readCurve(await loaders.jobModelMetrics.load(parent.id));
  },
};
