import type { DbClient } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';

/**
 * Logout: the token id stays refused until the token would have expired anyway. Revoking twice is harmless
 * (a second logout with the same token cannot happen: the first one already refuses it).
 */
export async function revokeSession(
  db: DbClient,
  options: { jti: string; userId: string; expiresAt: Date },
): Promise<void> {
  try {
    await db.revokedSession.upsert({
      where: { jti: options.jti },
      create: { jti: options.jti, userId: options.userId, expiresAt: options.expiresAt },
      update: {},
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') {
      throw new AppError('BAD_INPUT', { message: `Cannot revoke a session of unknown user ${options.userId}.`, cause: error });
    }
    throw new AppError('INTERNAL', { message: 'Cannot revoke the session.', cause: error });
  }
}

export async function isSessionRevoked(db: DbClient, options: { jti: string }): Promise<boolean> {
  const row = await db.revokedSession.findUnique({ where: { jti: options.jti }, select: { jti: true } });
  return row !== null;
}

/** Rows of tokens that have expired anyway; run now and then (the API does it at start). */
export async function deleteExpiredRevocations(db: DbClient, options: { now?: Date } = {}): Promise<number> {
  const { count } = await db.revokedSession.deleteMany({ where: { expiresAt: { lt: options.now ?? new Date() } } });
  return count;
}
