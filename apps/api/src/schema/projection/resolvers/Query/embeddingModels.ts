import { findEmbeddingModels } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const embeddingModels: QueryResolvers['embeddingModels'] = (_parent, _args, { db }) =>
  findEmbeddingModels(db);
