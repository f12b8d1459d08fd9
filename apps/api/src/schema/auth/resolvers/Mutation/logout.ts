import { recordAuditEvent, revokeSession } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

// The token id is revoked in the database, so every API instance refuses it from now on.
export const logout: MutationResolvers['logout'] = async (_parent, _args, context) => {
  const user = requireUser(context);
  if (context.session) {
    await revokeSession(context.db, {
      jti: context.session.jti,
      userId: user.id,
      expiresAt: new Date(context.session.exp * 1000),
    });
  }
  await recordAuditEvent(context.db, {
    userId: user.id,
    action: 'user.logout',
    entityType: 'User',
    entityId: user.id,
    details: { jti: context.session?.jti ?? null },
  });
  return true;
};
