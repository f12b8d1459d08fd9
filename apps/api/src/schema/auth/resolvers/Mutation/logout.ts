import { recordAuditEvent } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

// Tokens are stateless (any API instance can verify them); logging out means the client drops its token.
export const logout: MutationResolvers['logout'] = async (_parent, _args, context) => {
  const user = requireUser(context);
  await recordAuditEvent(context.db, {
    userId: user.id,
    action: 'user.logout',
    entityType: 'User',
    entityId: user.id,
  });
  return true;
};
