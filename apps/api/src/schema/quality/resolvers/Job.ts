import type { JobResolvers } from '../../../generated/resolvers-types.js';
import { readCurve } from '../../registry/read-curve.js';

export const JobHealth: Pick<JobResolvers, 'healthCurve'> = {
  healthCurve: async (parent, _args, { loaders }) => {
    if (parent.kind !== 'PRETRAIN' || parent.status !== 'SUCCEEDED') return [];
    const metrics = (await loaders.jobModelMetrics.load(parent.id)) as { health?: unknown } | null;
    return readCurve({ curve: metrics?.health });
  },
};
