import { changeUserPassword, recordAuditEvent } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

export const changePassword: MutationResolvers['changePassword'] = async (_parent, { input }, context) => {
  const user = requireUser(context);
  await changeUserPassword(context.db, {
    id: user.id,
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
  });
  await recordAuditEvent(context.db, {
    userId: user.id,
    action: 'user.password.change',
    entityType: 'User',
    entityId: user.id,
    details: { sessionsRevoked: true },
  });
  return true;
};
