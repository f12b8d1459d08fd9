import { getMeta } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const health: QueryResolvers['health'] = async (_parent, _args, { db, config, logger }) => {
  try {
    // Any query through the pool proves the database answers.
    await getMeta(db, 'schema');
    return { ok: true, database: 'ok', version: config.version };
  } catch (error) {
    logger.warn({ err: error }, 'health: database check failed');
    return { ok: false, database: `unavailable: ${(error as Error).message}`, version: config.version };
  }
};
