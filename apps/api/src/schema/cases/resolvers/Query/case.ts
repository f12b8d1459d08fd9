import { getCaseById, isUuid, recordAuditEvent } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { caseRelationsAt } from '../../case-relations.js';

// "case" is a reserved word, hence the export name; the map in schema/resolvers.ts names the field.
export const caseById: QueryResolvers['case'] = async (_parent, { id }, context, info) => {
  const user = requireUser(context);
  // Ids are UUIDs: anything else is simply not found, without a query.
  const found = isUuid(id)
    ? await getCaseById(context.db, { id, relations: caseRelationsAt(info, []) })
    : null;
  if (!found) return null;
  await recordAuditEvent(context.db, {
    userId: user.id,
    action: 'case.read',
    entityType: 'Case',
    entityId: found.id,
  });
  return found;
};
