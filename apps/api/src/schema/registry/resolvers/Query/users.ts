import { findUserPage, MAX_PAGE_SIZE, userKeyset } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { decodeKeysetCursor } from '../../keyset-cursor.js';
import { toConnection } from '../../to-connection.js';

export const users: QueryResolvers['users'] = async (_parent, args, { db }) => {
  const orderBy = {
    field: args.orderBy?.field ?? 'EMAIL',
    direction: args.orderBy?.direction ?? 'ASC',
  } as const;
  const scope = `user:${orderBy.field}:${orderBy.direction}`;
  const after = args.after ? decodeKeysetCursor(scope, args.after) : null;
  const page = await findUserPage(db, {
    role: args.filter?.role,
    disabled: args.filter?.disabled,
    orderBy,
    first: checkFirst(args.first, MAX_PAGE_SIZE, 20),
    after,
  });
  return toConnection(page, { scope, keysetOf: (user) => userKeyset(user, orderBy.field), after });
};
