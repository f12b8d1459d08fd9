import { listConcepts } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const concepts: QueryResolvers['concepts'] = (_parent, _args, { db }) => listConcepts(db);
