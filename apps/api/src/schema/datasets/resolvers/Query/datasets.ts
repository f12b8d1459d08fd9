import { listDatasets } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const datasets: QueryResolvers['datasets'] = (_parent, _args, { db }) => listDatasets(db);
