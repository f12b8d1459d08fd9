import { AppError, findImageSummaries } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

const MAX_IDS = 500;

export const imageSummaries: QueryResolvers['imageSummaries'] = (_parent, { ids }, { db }) => {
  if (ids.length < 1 || ids.length > MAX_IDS) {
    throw new AppError('BAD_INPUT', {
      message: `Argument "ids" must hold 1 to ${MAX_IDS} ids; got ${ids.length}.`,
      details: { argument: 'ids' },
    });
  }
  return findImageSummaries(db, { imageIds: [...new Set(ids)] });
};
