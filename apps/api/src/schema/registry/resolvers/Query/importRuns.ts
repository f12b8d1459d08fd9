import { findImportRuns } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';

export const importRuns: QueryResolvers['importRuns'] = (_parent, args, { db }) =>
  findImportRuns(db, { take: checkFirst(args.first, 100, 50) });
