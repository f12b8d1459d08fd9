import { findModelVersionByAlias } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const modelByAlias: QueryResolvers['modelByAlias'] = (_parent, { alias }, { db }) =>
  findModelVersionByAlias(db, { alias });
