import { AppError, isUuid, recordAuditEvent, setUserDisabled as update } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

export const setUserDisabled: MutationResolvers['setUserDisabled'] = async (_parent, args, context) => {
  const admin = requireUser(context);
  if (!isUuid(args.id))
    throw new AppError('NOT_FOUND', { message: `No user with id ${args.id}.`, details: { argument: 'id' } });
  if (args.id === admin.id && args.disabled) {
    throw new AppError('BAD_INPUT', {
      message: 'You cannot disable your own account.',
      details: { argument: 'id' },
    });
  }
  const user = await update(context.db, { id: args.id, disabled: args.disabled });
  await recordAuditEvent(context.db, {
    userId: admin.id,
    action: args.disabled ? 'user.disable' : 'user.enable',
    entityType: 'User',
    entityId: user.id,
  });
  return user;
};
