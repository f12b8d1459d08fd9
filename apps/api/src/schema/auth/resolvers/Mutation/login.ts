import {
  AppError,
  authenticateUser,
  clearLoginFailures,
  findLoginBlock,
  isAppError,
  recordAuditEvent,
  recordLoginFailure,
} from '@dermino/db';
import { signSessionToken } from '../../../../auth/session-token.js';
import { RateLimitedError } from '../../../../errors/rate-limited-error.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

/**
 * Throttled per account and per client address (exponential backoff after a few failures in a row), and an
 * account is locked after 10 until an admin's unlockUser. Unknown emails are counted the same way, so neither the
 * answers nor the lockout tell which accounts exist. Every refusal and lockout is in the audit log.
 */
export const login: MutationResolvers['login'] = async (
  _parent,
  { input },
  { db, config, logger, clientAddress },
) => {
  const email = input.email.trim().toLowerCase();
  const who = { email, address: clientAddress };
  const audit = (action: string, details: Record<string, unknown>, userId: string | null = null) =>
    recordAuditEvent(db, {
      userId,
      action,
      entityType: 'Login',
      entityId: email,
      details: { ...details, address: clientAddress },
    });
  const block = await findLoginBlock(db, who);
  if (block.locked) {
    await audit('user.login.refused', { reason: 'locked' });
    throw new AppError('FORBIDDEN', {
      message: 'This account is locked after too many failed logins; an administrator can unlock it.',
      details: { reason: 'LOCKED' },
    });
  }
  if (block.retryAfterSeconds > 0) {
    await audit('user.login.refused', { reason: 'backoff', retryAfterSeconds: block.retryAfterSeconds });
    throw new RateLimitedError(
      `Too many failed logins; try again in ${block.retryAfterSeconds} s.`,
      block.retryAfterSeconds,
    );
  }
  let user: Awaited<ReturnType<typeof authenticateUser>>;
  try {
    user = await authenticateUser(db, { email, password: input.password });
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHENTICATED') {
      const failure = await recordLoginFailure(db, who);
      await audit('user.login.failed', { failures: failure.accountFailures });
      if (failure.lockedNow) await audit('user.lockout', { failures: failure.accountFailures });
    }
    throw error;
  }
  await clearLoginFailures(db, who);
  const { token, expiresAt, claims } = signSessionToken(
    { sub: user.id, role: user.role },
    { secret: config.sessionSecret },
  );
  await recordAuditEvent(db, {
    userId: user.id,
    action: 'user.login',
    entityType: 'User',
    entityId: user.id,
    details: { jti: claims.jti, address: clientAddress },
  });
  logger.info({ userId: user.id }, 'login');
  return { token, expiresAt, user };
};
