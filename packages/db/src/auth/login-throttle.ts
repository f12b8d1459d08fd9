import type { DbClient } from '../client.js';

/** Backoff starts after this many failures in a row, doubling from 1 s; capped. */
const ACCOUNT_FREE_FAILURES = 3;
const ADDRESS_FREE_FAILURES = 10;
const MAX_BACKOFF_SECONDS = 15 * 60;
/** An account is locked (until an admin unlocks it) after this many failures in a row. */
export const ACCOUNT_LOCK_FAILURES = 10;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

export interface LoginBlock {
  /** The account is locked: only an admin's unlockUser lifts it. */
  locked: boolean;
  /** Seconds until the next attempt is taken (0: now). */
  retryAfterSeconds: number;
}

/** Whether a login for this email from this address may be tried now. */
export async function findLoginBlock(
  db: DbClient,
  options: { email: string; address: string | null; now?: Date },
): Promise<LoginBlock> {
  const now = options.now ?? new Date();
  const keys = [accountKey(options.email), ...(options.address ? [addressKey(options.address)] : [])];
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } });
  const locked = rows.some((row) => row.lockedAt !== null);
  const until = Math.max(0, ...rows.map((row) => row.blockedUntil?.getTime() ?? 0));
  return { locked, retryAfterSeconds: Math.max(0, Math.ceil((until - now.getTime()) / 1000)) };
}

const backoff = (failures: number, free: number) =>
  failures <= free ? 0 : Math.min(MAX_BACKOFF_SECONDS, 2 ** (failures - free - 1));

export interface LoginFailure {
  accountFailures: number;
  /** This failure locked the account. */
  lockedNow: boolean;
  retryAfterSeconds: number;
}

/** Counts a failed login against the account and the address; returns the new state of both. */
export async function recordLoginFailure(
  db: DbClient,
  options: { email: string; address: string | null; now?: Date },
): Promise<LoginFailure> {
  const now = options.now ?? new Date();
  const bump = async (key: string, free: number, lockAt: number | null) => {
    const row = await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1, lastFailureAt: now },
      update: { failures: { increment: 1 }, lastFailureAt: now },
    });
    const seconds = backoff(row.failures, free);
    const lockedNow = lockAt !== null && row.failures >= lockAt && row.lockedAt === null;
    await db.loginThrottle.update({
      where: { key },
      data: {
        blockedUntil: seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null,
        ...(lockedNow ? { lockedAt: now } : {}),
      },
    });
    return { failures: row.failures, seconds, lockedNow };
  };
  const account = await bump(accountKey(options.email), ACCOUNT_FREE_FAILURES, ACCOUNT_LOCK_FAILURES);
  const address = options.address
    ? await bump(addressKey(options.address), ADDRESS_FREE_FAILURES, null)
    : null;
  return {
    accountFailures: account.failures,
    lockedNow: account.lockedNow,
    retryAfterSeconds: Math.max(account.seconds, address?.seconds ?? 0),
  };
}

/** After a successful login: the account's and the address's failures are forgiven. */
export async function clearLoginFailures(db: DbClient, options: { email: string; address: string | null }) {
  const keys = [accountKey(options.email), ...(options.address ? [addressKey(options.address)] : [])];
  await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}

/** An admin lifts a lockout (and the backoff) of an account; returns whether it was locked. */
export async function unlockAccount(db: DbClient, options: { email: string }): Promise<boolean> {
  const { count } = await db.loginThrottle.deleteMany({
    where: { key: accountKey(options.email), lockedAt: { not: null } },
  });
  await db.loginThrottle.deleteMany({ where: { key: accountKey(options.email) } });
  return count > 0;
}
