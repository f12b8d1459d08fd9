import type { DbClient } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';
import { hashPassword, verifyPassword } from './passwords.js';

/** Never includes passwordHash: that leaves the database only inside authenticateUser. */
export const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  createdAt: true,
  sessionsValidFrom: true,
} satisfies Prisma.UserSelect;

export type UserRecord = Prisma.UserGetPayload<{ select: typeof userSelect }>;

const BAD_CREDENTIALS = 'Wrong email or password.';
// Verified against when the email is unknown, so both failures take the same time; made on first use.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-password');
  return dummyHash;
}

export async function getUserById(db: DbClient, options: { id: string }): Promise<UserRecord | null> {
  return db.user.findUnique({ where: { id: options.id }, select: userSelect });
}

/**
 * The user with this email and password. Unknown email and wrong password give the same
 * UNAUTHENTICATED message; a disabled account is FORBIDDEN (only after a correct password).
 */
export async function authenticateUser(
  db: DbClient,
  options: { email: string; password: string },
): Promise<UserRecord> {
  const email = options.email.trim().toLowerCase();
  const found = await db.user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
  const valid = await verifyPassword(options.password, found?.passwordHash ?? (await getDummyHash()));
  if (!found || !valid) throw new AppError('UNAUTHENTICATED', { message: BAD_CREDENTIALS });
  if (found.disabled) throw new AppError('FORBIDDEN', { message: `The account ${email} is disabled.` });
  const { passwordHash: _hash, ...user } = found;
  return user;
}

export interface CreateUserInput {
  email: string;
  name: string;
  role: Prisma.UserCreateInput['role'];
  password: string;
}

export async function createUser(db: DbClient, input: CreateUserInput): Promise<UserRecord> {
  const email = input.email.trim().toLowerCase();
  try {
    return await db.user.create({
      data: { email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
      select: userSelect,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', { message: `A user with email ${email} already exists.`, cause: error });
    }
    throw new AppError('INTERNAL', { message: `Cannot create user ${email}.`, cause: error });
  }
}
