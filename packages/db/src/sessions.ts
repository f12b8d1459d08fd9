import type { DbClient, Role } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';
import type { UserRecord } from './users.js';

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
      throw new AppError('BAD_INPUT', {
        message: `Cannot revoke a session of unknown user ${options.userId}.`,
        cause: error,
      });
    }
    throw new AppError('INTERNAL', { message: 'Cannot revoke the session.', cause: error });
  }
}

export async function isSessionRevoked(db: DbClient, options: { jti: string }): Promise<boolean> {
  const row = await db.revokedSession.findUnique({ where: { jti: options.jti }, select: { jti: true } });
  return row !== null;
}

/**
 * What a request's session check needs, in ONE statement (the embedded database runs one at a time, and this
 * runs for every request): the token's user (null when gone) and whether its token id was logged out.
 */
export async function getSessionUser(
  db: DbClient,
  options: { userId: string; jti: string },
): Promise<{ user: UserRecord | null; revoked: boolean }> {
  const [row] = await db.$queryRaw<
    (Omit<UserRecord, 'role' | 'id'> & { id: string | null; role: Role | null; revoked: boolean })[]
  >`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."disabled", u."createdAt", u."sessionsValidFrom",
      EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."jti" = ${options.jti}) AS "revoked"
    FROM (SELECT 1) AS one LEFT JOIN "User" u ON u."id" = ${options.userId}`;
  const { revoked, id, role, ...rest } = row;
  return { user: id === null || role === null ? null : { ...rest, id, role }, revoked };
}

/** Rows of tokens that have expired anyway; run now and then (the API does it at start). */
export async function deleteExpiredRevocations(db: DbClient, options: { now?: Date } = {}): Promise<number> {
  const { count } = await db.revokedSession.deleteMany({
    where: { expiresAt: { lt: options.now ?? new Date() } },
  });
  return count;
}
