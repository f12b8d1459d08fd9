import { findLabelDisagreements } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';

export const labelDisagreements: QueryResolvers['labelDisagreements'] = async (_parent, args, context) =>
  findLabelDisagreements(context.db, { take: checkFirst(args.first, 100, 20) });
