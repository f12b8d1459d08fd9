import { findModelVersions } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';

export const models: QueryResolvers['models'] = (_parent, args, { db }) =>
  findModelVersions(db, { kind: args.kind ?? undefined, take: checkFirst(args.first, 100, 50) });
