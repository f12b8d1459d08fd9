import { dataAuditKeyset, findDataAuditPage, MAX_PAGE_SIZE } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkId } from '../../check-id.js';
import { checkListFilter } from '../../check-list-filter.js';
import { decodeKeysetCursor } from '../../keyset-cursor.js';
import { toConnection } from '../../to-connection.js';

export const dataAudits: QueryResolvers['dataAudits'] = async (_parent, args, { db }) => {
  checkListFilter(args.filter);
  for (const id of args.filter?.datasetVersionId ?? []) checkId(id, 'filter.datasetVersionId');
  const orderBy = {
    field: args.orderBy?.field ?? 'CREATED_AT',
    direction: args.orderBy?.direction ?? 'DESC',
  } as const;
  const scope = `data-audit:${orderBy.field}:${orderBy.direction}`;
  const after = args.after ? decodeKeysetCursor(scope, args.after) : null;
  const page = await findDataAuditPage(db, {
    datasetVersionId: args.filter?.datasetVersionId,
    orderBy,
    first: checkFirst(args.first, MAX_PAGE_SIZE, 20),
    after,
  });
  return toConnection(page, { scope, keysetOf: dataAuditKeyset, after });
};
