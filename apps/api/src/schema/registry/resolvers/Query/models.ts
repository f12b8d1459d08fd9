import { findModelPage, MAX_PAGE_SIZE, modelKeyset } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkListFilter } from '../../check-list-filter.js';
import { decodeKeysetCursor } from '../../keyset-cursor.js';
import { toConnection } from '../../to-connection.js';

export const models: QueryResolvers['models'] = async (_parent, args, { db }) => {
  checkListFilter(args.filter);
  const orderBy = {
    field: args.orderBy?.field ?? 'CREATED_AT',
    direction: args.orderBy?.direction ?? 'DESC',
  } as const;
  const scope = `model:${orderBy.field}:${orderBy.direction}`;
  const after = args.after ? decodeKeysetCursor(scope, args.after) : null;
  const page = await findModelPage(db, {
    kind: args.filter?.kind,
    alias: args.filter?.alias,
    orderBy,
    first: checkFirst(args.first, MAX_PAGE_SIZE, 20),
    after,
  });
  return toConnection(page, { scope, keysetOf: (model) => modelKeyset(model, orderBy.field), after });
};
