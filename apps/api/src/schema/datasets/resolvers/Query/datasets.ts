import { AppError, datasetKeyset, findDatasetPage, MAX_PAGE_SIZE } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { decodeKeysetCursor } from '../../../registry/keyset-cursor.js';
import { toConnection } from '../../../registry/to-connection.js';

// As the values of the list filters (check-list-filter.ts): a search term, not a document.
const MAX_NAME_LENGTH = 200;

export const datasets: QueryResolvers['datasets'] = async (_parent, args, { db }) => {
  const nameContains = args.filter?.nameContains;
  if (nameContains && nameContains.length > MAX_NAME_LENGTH) {
    throw new AppError('BAD_INPUT', {
      message: `filter.nameContains has ${nameContains.length} characters; at most ${MAX_NAME_LENGTH}.`,
      details: { argument: 'filter.nameContains' },
    });
  }
  const orderBy = {
    field: args.orderBy?.field ?? 'NAME',
    direction: args.orderBy?.direction ?? 'ASC',
  } as const;
  const scope = `dataset:${orderBy.field}:${orderBy.direction}`;
  const after = args.after ? decodeKeysetCursor(scope, args.after) : null;
  const page = await findDatasetPage(db, {
    nameContains,
    hasFrozenVersion: args.filter?.hasFrozenVersion,
    orderBy,
    first: checkFirst(args.first, MAX_PAGE_SIZE, 20),
    after,
  });
  return toConnection(page, { scope, keysetOf: (dataset) => datasetKeyset(dataset, orderBy.field), after });
};
