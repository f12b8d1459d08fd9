import { findDriftReports } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkId } from '../../check-id.js';

export const driftReports: QueryResolvers['driftReports'] = (_parent, args, { db }) =>
  findDriftReports(db, {
    modelVersionId: checkId(args.modelId, 'modelId'),
    take: checkFirst(args.first, 100, 20),
  });
