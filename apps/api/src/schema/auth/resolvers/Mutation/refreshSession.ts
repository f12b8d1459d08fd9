import { revokeSession } from '@dermino/db';
import { signSessionToken } from '../../../../auth/session-token.js';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

// A live session swaps its token for a fresh one; the old one cannot be used again (no token multiplies).
export const refreshSession: MutationResolvers['refreshSession'] = async (_parent, _args, context) => {
  const user = requireUser(context);
  const { token, expiresAt } = signSessionToken(
    { sub: user.id, role: user.role },
    { secret: context.config.sessionSecret },
  );
  if (context.session) {
    await revokeSession(context.db, {
      jti: context.session.jti,
      userId: user.id,
      expiresAt: new Date(context.session.exp * 1000),
    });
  }
  return { token, expiresAt, user };
};
