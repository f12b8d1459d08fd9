import { findDataAudits } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkId } from '../../check-id.js';

export const dataAudits: QueryResolvers['dataAudits'] = (_parent, args, { db }) =>
  findDataAudits(db, {
    datasetVersionId: checkId(args.datasetVersionId, 'datasetVersionId'),
    take: checkFirst(args.first, 100, 20),
  });
