import { findImportRunById } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const importRun: QueryResolvers['importRun'] = (_parent, { id }, { db }) =>
  findImportRunById(db, { id });
