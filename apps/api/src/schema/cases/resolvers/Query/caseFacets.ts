import { getCaseFacets } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const caseFacets: QueryResolvers['caseFacets'] = (_parent, _args, { db }) => getCaseFacets(db);
