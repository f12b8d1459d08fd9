import { evaluationKeyset, findEvaluationPage, MAX_PAGE_SIZE } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkId } from '../../check-id.js';
import { checkListFilter } from '../../check-list-filter.js';
import { decodeKeysetCursor } from '../../keyset-cursor.js';
import { toConnection } from '../../to-connection.js';

export const evaluations: QueryResolvers['evaluations'] = async (_parent, args, { db }) => {
  const { filter } = args;
  checkListFilter(filter);
  for (const key of ['modelId', 'datasetVersionId'] as const) {
    for (const id of filter?.[key] ?? []) checkId(id, `filter.${key}`);
  }
  const orderBy = {
    field: args.orderBy?.field ?? 'CREATED_AT',
    direction: args.orderBy?.direction ?? 'DESC',
  } as const;
  const scope = `evaluation:${orderBy.field}:${orderBy.direction}`;
  const after = args.after ? decodeKeysetCursor(scope, args.after) : null;
  const page = await findEvaluationPage(db, {
    modelVersionId: filter?.modelId,
    datasetVersionId: filter?.datasetVersionId,
    split: filter?.split,
    orderBy,
    first: checkFirst(args.first, MAX_PAGE_SIZE, 20),
    after,
  });
  return toConnection(page, { scope, keysetOf: evaluationKeyset, after });
};
