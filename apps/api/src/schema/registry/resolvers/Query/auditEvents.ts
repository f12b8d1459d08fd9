import { auditEventKeyset, findAuditEventPage, MAX_PAGE_SIZE } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkListFilter } from '../../check-list-filter.js';
import { decodeKeysetCursor } from '../../keyset-cursor.js';
import { toConnection } from '../../to-connection.js';

export const auditEvents: QueryResolvers['auditEvents'] = async (_parent, args, { db }) => {
  const { filter } = args;
  checkListFilter(filter);
  const orderBy = {
    field: args.orderBy?.field ?? 'AT',
    direction: args.orderBy?.direction ?? 'DESC',
  } as const;
  const scope = `audit:${orderBy.field}:${orderBy.direction}`;
  const after = args.after ? decodeKeysetCursor(scope, args.after) : null;
  const page = await findAuditEventPage(db, {
    entityType: filter?.entityType,
    entityId: filter?.entityId,
    action: filter?.action,
    userId: filter?.userId,
    orderBy,
    first: checkFirst(args.first, MAX_PAGE_SIZE, 20),
    after,
  });
  const connection = toConnection(page, { scope, keysetOf: auditEventKeyset, after });
  // The id is a bigint in the database, an ID (text) in the schema.
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ ...edge, node: { ...edge.node, id: String(edge.node.id) } })),
  };
};
