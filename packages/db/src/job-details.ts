import type { DbClient } from './client.js';

export interface JobLogRecord {
  jobId: string;
  at: Date;
  level: string;
  message: string;
}

/** The last `last` log lines of each job, oldest first, in one query for a page of jobs. */
export async function findJobLogs(
  db: DbClient,
  options: { jobIds: readonly string[]; last: number },
): Promise<JobLogRecord[]> {
  if (options.jobIds.length === 0 || options.last <= 0) return [];
  return db.$queryRaw<JobLogRecord[]>`
    SELECT "jobId", at, level, message FROM (
      SELECT log."jobId", log.at, log.level, log.message, log.id,
             row_number() OVER (PARTITION BY log."jobId" ORDER BY log.id DESC) AS newest
      FROM "JobLog" log
      WHERE log."jobId" = ANY(${[...options.jobIds]}::text[])
    ) ranked
    WHERE newest <= ${options.last}
    ORDER BY "jobId", id ASC`;
}

/** The metrics of the model each job registered (jobs that registered none are absent). */
export async function findJobModelMetrics(
  db: DbClient,
  options: { jobIds: readonly string[] },
): Promise<{ jobId: string; modelVersionId: string; metrics: unknown }[]> {
  if (options.jobIds.length === 0) return [];
  const rows = await db.modelVersion.findMany({
    where: { jobId: { in: [...options.jobIds] } },
    select: { id: true, jobId: true, metrics: true },
  });
  return rows.map((row) => ({ jobId: row.jobId as string, modelVersionId: row.id, metrics: row.metrics }));
}
