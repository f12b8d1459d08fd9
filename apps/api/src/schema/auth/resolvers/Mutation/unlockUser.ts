import { AppError, getUserById, isUuid, recordAuditEvent, unlockAccount } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

export const unlockUser: MutationResolvers['unlockUser'] = async (_parent, args, context) => {
  const admin = requireUser(context);
  const user = isUuid(args.id) ? await getUserById(context.db, { id: args.id }) : null;
  if (!user)
    throw new AppError('NOT_FOUND', { message: `No user with id ${args.id}.`, details: { argument: 'id' } });
  const wasLocked = await unlockAccount(context.db, { email: user.email });
  await recordAuditEvent(context.db, {
    userId: admin.id,
    action: 'user.unlock',
    entityType: 'User',
    entityId: user.id,
    details: { wasLocked },
  });
  return wasLocked;
};
