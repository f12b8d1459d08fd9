import { AppError, type DbClient, getUserById, type UserRecord } from '@dermino/db';
import { verifySessionToken } from './session-token.js';

export type RequestAuth = { user: UserRecord; error: null } | { user: null; error: AppError | null };

const ANONYMOUS: RequestAuth = { user: null, error: null };

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
    return { user: null, error };
  }
  let sub: string;
  try {
    sub = verifySessionToken(match[1], { secret: options.secret, now: options.now }).sub;
  } catch (error) {
    if (error instanceof AppError) return { user: null, error };
    throw error;
  }
  const user = await getUserById(db, { id: sub });
  if (!user || user.disabled) {
    const error = new AppError('UNAUTHENTICATED', {
      message: 'The account of this session no longer exists or is disabled.',
    });
    return { user: null, error };
  }
  return { user, error: null };
}
