import type { DbClient } from './client.js';
import { Prisma, type JobKind, type JobStatus } from './client.js';
import { AppError } from './errors.js';

export const jobSelect = {
  id: true,
  kind: true,
  payload: true,
  status: true,
  step: true,
  total: true,
  rate: true,
  etaSeconds: true,
  metrics: true,
  error: true,
  attempts: true,
  createdBy: true,
  createdAt: true,
  startedAt: true,
  heartbeatAt: true,
  worker: true,
  finishedAt: true,
} satisfies Prisma.JobSelect;

export type JobRow = Prisma.JobGetPayload<{ select: typeof jobSelect }>;

export async function createJob(
  db: DbClient,
  input: { id?: string; kind: JobKind; payload: unknown; createdBy?: string | null },
): Promise<JobRow> {
  return db.job.create({
    data: {
      id: input.id,
      kind: input.kind,
      payload: input.payload as Prisma.InputJsonValue,
      createdBy: input.createdBy ?? null,
    },
    select: jobSelect,
  });
}

export async function getJobById(db: DbClient, id: string): Promise<JobRow> {
  const job = await db.job.findUnique({ where: { id }, select: jobSelect });
  if (!job) throw new AppError('NOT_FOUND', { message: `No job with id ${id}.` });
  return job;
}

export async function findJobs(
  db: DbClient,
  options: { kind?: JobKind; status?: JobStatus[]; take?: number } = {},
): Promise<JobRow[]> {
  return db.job.findMany({
    where: { kind: options.kind, status: options.status ? { in: options.status } : undefined },
    orderBy: { createdAt: 'desc' },
    take: options.take ?? 50,
    select: jobSelect,
  });
}

/**
 * Marks a job as taken by a worker. A cancelled job stays cancelled: returns null then. `worker` names the process
 * taking the attempt (host:pid), so that its death can be noticed without waiting for the heartbeat to go stale.
 */
export async function startJobAttempt(db: DbClient, id: string, worker?: string): Promise<JobRow | null> {
  const now = new Date();
  const updated = await db.job.updateMany({
    where: { id, status: { in: ['QUEUED', 'RUNNING'] } },
    data: {
      status: 'RUNNING',
      attempts: { increment: 1 },
      startedAt: now,
      heartbeatAt: now,
      worker: worker ?? null,
      error: null,
    },
  });
  return updated.count === 0 ? null : getJobById(db, id);
}

export interface JobProgress {
  step: number;
  total?: number | null;
  rate?: number | null;
  etaSeconds?: number | null;
  metrics?: Record<string, unknown> | null;
}

/** Writes progress for the dashboard; returns the job's status so a worker can notice a cancel. */
export async function updateJobProgress(db: DbClient, id: string, progress: JobProgress): Promise<JobStatus> {
  const job = await db.job.update({
    where: { id },
    data: {
      step: progress.step,
      total: progress.total ?? undefined,
      rate: progress.rate ?? null,
      etaSeconds: progress.etaSeconds ?? null,
      metrics: progress.metrics ? (progress.metrics as Prisma.InputJsonValue) : undefined,
      heartbeatAt: new Date(),
    },
    select: { status: true },
  });
  return job.status;
}

/** Marks a running job alive (between progress writes); returns its status so a worker can notice a cancel. */
export async function touchJob(db: DbClient, id: string): Promise<JobStatus | null> {
  const updated = await db.job.updateMany({ where: { id, status: 'RUNNING' }, data: { heartbeatAt: new Date() } });
  if (updated.count === 1) return 'RUNNING';
  const job = await db.job.findUnique({ where: { id }, select: { status: true } });
  return job?.status ?? null;
}

export async function appendJobLog(db: DbClient, id: string, level: string, message: string): Promise<void> {
  await db.jobLog.create({ data: { jobId: id, level, message: message.slice(0, 4000) } });
}

export async function finishJob(
  db: DbClient,
  id: string,
  outcome: { status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'QUEUED'; error?: string | null },
): Promise<void> {
  await db.job.update({
    where: { id },
    data: {
      status: outcome.status,
      error: outcome.error ?? null,
      finishedAt: outcome.status === 'QUEUED' ? null : new Date(),
    },
  });
}

export async function cancelJob(db: DbClient, id: string): Promise<JobRow> {
  const updated = await db.job.updateMany({
    where: { id, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'CANCELLED', finishedAt: new Date() },
  });
  if (updated.count === 0) {
    const job = await getJobById(db, id);
    throw new AppError('CONFLICT', { message: `Job ${id} is already ${job.status.toLowerCase()}.` });
  }
  return getJobById(db, id);
}
