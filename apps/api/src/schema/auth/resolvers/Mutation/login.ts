import { authenticateUser, recordAuditEvent } from '@dermino/db';
import { signSessionToken } from '../../../../auth/session-token.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

export const login: MutationResolvers['login'] = async (_parent, { input }, { db, config, logger }) => {
  const user = await authenticateUser(db, { email: input.email, password: input.password });
  const { token, expiresAt, claims } = signSessionToken(
    { sub: user.id, role: user.role },
    { secret: config.sessionSecret },
  );
  await recordAuditEvent(db, {
    userId: user.id,
    action: 'user.login',
    entityType: 'User',
    entityId: user.id,
    details: { jti: claims.jti },
  });
  logger.info({ userId: user.id }, 'login');
  return { token, expiresAt, user };
};
