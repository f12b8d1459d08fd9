import { AppError, isUuid } from '@dermino/db';
import { checkDatasetVersionLeakage } from '@dermino/ingest';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const datasetVersionLeakage: QueryResolvers['datasetVersionLeakage'] = (
  _parent,
  { versionId },
  { db },
) => {
  if (!isUuid(versionId))
    throw new AppError('NOT_FOUND', {
      message: `No dataset version with id ${versionId}.`,
      details: { argument: 'versionId' },
    });
  return checkDatasetVersionLeakage(db, { versionId });
};
