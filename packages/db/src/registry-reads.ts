import type { DbClient, JobKind, JobStatus } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';
import { importRunSelect, type ImportRunRecord } from './imports.js';
import { jobSelect, type JobRow } from './jobs.js';
import { type UserRecord, userSelect } from './users.js';

// Queries the API needs beyond the other aggregates' files (which belong to the trainer and ingest work).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the text is a UUID; ids that are not are simply not found, without a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export async function listUsers(db: DbClient): Promise<UserRecord[]> {
  return db.user.findMany({ select: userSelect, orderBy: { email: 'asc' } });
}

export async function setUserDisabled(
  db: DbClient,
  options: { id: string; disabled: boolean },
): Promise<UserRecord> {
  try {
    return await db.user.update({ where: { id: options.id }, data: { disabled: options.disabled }, select: userSelect });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') {
      throw new AppError('NOT_FOUND', { message: `No user with id ${options.id}.`, details: { argument: 'id' } });
    }
    throw new AppError('INTERNAL', { message: `Cannot update user ${options.id}.`, cause: error });
  }
}

/** Import runs, newest first. */
export async function findImportRuns(db: DbClient, options: { take: number }): Promise<ImportRunRecord[]> {
  return db.importRun.findMany({ orderBy: { startedAt: 'desc' }, take: options.take, select: importRunSelect });
}

export async function findImportRunById(db: DbClient, options: { id: string }): Promise<ImportRunRecord | null> {
  if (!isUuid(options.id)) return null;
  return db.importRun.findUnique({ where: { id: options.id }, select: importRunSelect });
}

/** Jobs newest first, restricted to kinds (a role's view) and optionally to one kind and some statuses. */
export async function findJobsOfKinds(
  db: DbClient,
  options: { kinds: JobKind[]; status?: JobStatus[]; take: number },
): Promise<JobRow[]> {
  return db.job.findMany({
    where: { kind: { in: options.kinds }, status: options.status ? { in: options.status } : undefined },
    orderBy: { createdAt: 'desc' },
    take: options.take,
    select: jobSelect,
  });
}
