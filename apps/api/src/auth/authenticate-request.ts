import {
  AppError,
  type DbClient,
  getSessionUser,
  isRevokedBySessionCutoff,
  type UserRecord,
} from '@dermino/db';
import { type SessionClaims, verifySessionToken } from './session-token.js';

export type RequestAuth =
  | { user: UserRecord; session: SessionClaims; error: null }
  | { user: null; session: null; error: AppError | null };

const ANONYMOUS: RequestAuth = { user: null, session: null, error: null };

/**
 * Resolves `Authorization: Bearer <token>` to an enabled user. Never throws for a bad token:
 * the error is kept so that operations needing a session can report why, while `login` still works.
 */
export async function authenticateRequest(
  db: DbClient,
  options: { authorization: string | undefined | null; secret: string; now?: Date },
): Promise<RequestAuth> {
  const header = options.authorization?.trim();
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    const error = new AppError('UNAUTHENTICATED', {
      message: 'The Authorization header must be "Bearer <token>" with the token from the login mutation.',
    });
    return { user: null, session: null, error };
  }
  let session: SessionClaims;
  try {
    session = verifySessionToken(match[1], { secret: options.secret, now: options.now });
  } catch (error) {
    if (error instanceof AppError) return { user: null, session: null, error };
    throw error;
  }
  // One statement per request, and no cache: a logout, a password change, an administrator's revocation, a
  // disabled account or a new role takes effect at once, on every API process, whichever process (or the CLI) made it.
  const { user, revoked } = await getSessionUser(db, { userId: session.sub, jti: session.jti });
  if (revoked) {
    const error = new AppError('UNAUTHENTICATED', { message: 'This session was logged out; log in again.' });
    return { user: null, session: null, error };
  }
  if (user && isRevokedBySessionCutoff(user.sessionsValidFrom, session.iat)) {
    const error = new AppError('UNAUTHENTICATED', {
      message: 'This session was revoked (a password change or an administrator); log in again.',
    });
    return { user: null, session: null, error };
  }
  if (!user || user.disabled) {
    const error = new AppError('UNAUTHENTICATED', {
      message: 'The account of this session no longer exists or is disabled.',
    });
    return { user: null, session: null, error };
  }
  // The role comes from the database, not the token: a demoted user loses access at once.
  return { user, session, error: null };
}
