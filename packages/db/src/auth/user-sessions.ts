import type { DbClient } from '../client.js';
import { AppError } from '../errors.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { passwordProblem } from './password-policy.js';

/**
 * Tokens carry their issue time in whole seconds: the cut-off is the next whole second, so every token issued
 * up to now is refused (a token issued in the rest of this second is refused too: log in again a second later).
 */
function nextWholeSecond(now: Date): Date {
  return new Date(Math.ceil((now.getTime() + 1) / 1000) * 1000);
}

/** Refuses every session of the user issued until now, on every API instance. */
export async function revokeUserSessions(db: DbClient, options: { id: string; now?: Date }): Promise<void> {
  const { count } = await db.user.updateMany({
    where: { id: options.id },
    data: { sessionsValidFrom: nextWholeSecond(options.now ?? new Date()) },
  });
  if (count === 0) throw new AppError('NOT_FOUND', { message: `No user with id ${options.id}.` });
}

/** Whether a token issued at `issuedAtSeconds` was revoked by revokeUserSessions or a password change. */
export function isRevokedBySessionCutoff(sessionsValidFrom: Date | null, issuedAtSeconds: number): boolean {
  return sessionsValidFrom !== null && issuedAtSeconds * 1000 < sessionsValidFrom.getTime();
}

/** The user's own password change: the current one must match; every session until now is revoked. */
export async function changeUserPassword(
  db: DbClient,
  options: { id: string; currentPassword: string; newPassword: string; now?: Date },
): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: options.id },
    select: { email: true, passwordHash: true },
  });
  if (!user) throw new AppError('NOT_FOUND', { message: `No user with id ${options.id}.` });
  if (!(await verifyPassword(options.currentPassword, user.passwordHash)))
    throw new AppError('BAD_INPUT', {
      message: 'The current password is wrong.',
      details: { argument: 'input.currentPassword' },
    });
  const problem = passwordProblem(options.newPassword, { email: user.email });
  if (problem)
    throw new AppError('BAD_INPUT', { message: problem, details: { argument: 'input.newPassword' } });
  await db.user.update({
    where: { id: options.id },
    data: {
      passwordHash: await hashPassword(options.newPassword),
      sessionsValidFrom: nextWholeSecond(options.now ?? new Date()),
    },
  });
}

/** The cut-off of the user's sessions (null: none). */
export async function getSessionsValidFrom(db: DbClient, options: { id: string }): Promise<Date | null> {
  const row = await db.user.findUnique({ where: { id: options.id }, select: { sessionsValidFrom: true } });
  return row?.sessionsValidFrom ?? null;
}
