import { findAuditEvents } from '@dermino/db';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';

export const auditEvents: QueryResolvers['auditEvents'] = async (_parent, args, { db }) => {
  const rows = await findAuditEvents(db, {
    entityType: args.entityType,
    entityId: args.entityId,
    take: checkFirst(args.first, 200, 50),
  });
  return rows.map((row) => ({ ...row, id: String(row.id) }));
};
