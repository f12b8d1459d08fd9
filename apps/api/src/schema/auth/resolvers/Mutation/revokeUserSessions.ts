import { AppError, getUserById, isUuid, recordAuditEvent, revokeUserSessions as revoke } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

export const revokeUserSessions: MutationResolvers['revokeUserSessions'] = async (_parent, args, context) => {
  const admin = requireUser(context);
  const user = isUuid(args.id) ? await getUserById(context.db, { id: args.id }) : null;
  if (!user)
    throw new AppError('NOT_FOUND', { message: `No user with id ${args.id}.`, details: { argument: 'id' } });
  await revoke(context.db, { id: user.id });
  await recordAuditEvent(context.db, {
    userId: admin.id,
    action: 'user.sessions.revoke',
    entityType: 'User',
    entityId: user.id,
  });
  return user;
};
