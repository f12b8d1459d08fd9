import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkHealth } from '../../../../health.js';

export const health: QueryResolvers['health'] = (_parent, _args, { db, config }) =>
  checkHealth(db, config.version);
