import { driftReportKeyset, findDriftReportPage, MAX_PAGE_SIZE } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkId } from '../../check-id.js';
import { checkListFilter } from '../../check-list-filter.js';
import { decodeKeysetCursor } from '../../keyset-cursor.js';
import { toConnection } from '../../to-connection.js';

export const driftReports: QueryResolvers['driftReports'] = async (_parent, args, { db }) => {
  const { filter } = args;
  checkListFilter(filter);
  for (const id of filter?.modelId ?? []) checkId(id, 'filter.modelId');
  const orderBy = {
    field: args.orderBy?.field ?? 'CREATED_AT',
    direction: args.orderBy?.direction ?? 'DESC',
  } as const;
  const scope = `drift-report:${orderBy.field}:${orderBy.direction}`;
  const after = args.after ? decodeKeysetCursor(scope, args.after) : null;
  const page = await findDriftReportPage(db, {
    modelVersionId: filter?.modelId,
    alertsOnly: filter?.alertsOnly,
    orderBy,
    first: checkFirst(args.first, MAX_PAGE_SIZE, 20),
    after,
  });
  return toConnection(page, { scope, keysetOf: (report) => driftReportKeyset(report, orderBy.field), after });
};
