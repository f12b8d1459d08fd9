import { findImportRunPage, importRunKeyset, MAX_PAGE_SIZE } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkListFilter } from '../../check-list-filter.js';
import { decodeKeysetCursor } from '../../keyset-cursor.js';
import { toConnection } from '../../to-connection.js';

export const importRuns: QueryResolvers['importRuns'] = async (_parent, args, { db }) => {
  checkListFilter(args.filter);
  const orderBy = {
    field: args.orderBy?.field ?? 'STARTED_AT',
    direction: args.orderBy?.direction ?? 'DESC',
  } as const;
  const scope = `import:${orderBy.field}:${orderBy.direction}`;
  const after = args.after ? decodeKeysetCursor(scope, args.after) : null;
  const page = await findImportRunPage(db, {
    kind: args.filter?.kind,
    status: args.filter?.status,
    orderBy,
    first: checkFirst(args.first, MAX_PAGE_SIZE, 20),
    after,
  });
  return toConnection(page, { scope, keysetOf: (run) => importRunKeyset(run, orderBy.field), after });
};
