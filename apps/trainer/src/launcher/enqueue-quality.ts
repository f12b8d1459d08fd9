import { createQueue, type Db, enqueueJob, findJobs } from '@dermino/db';

/** New images get their quality statistics from the worker; one QUALITY job at a time covers them all. */
export async function enqueueQualityIfNeeded(db: Db, url: string): Promise<void> {
  const pending = await db.image.count({ where: { qualityAt: null, storageKey: { not: null } } });
  if (pending === 0) return;
  const active = await findJobs(db, { kind: 'QUALITY', status: ['QUEUED', 'RUNNING'], take: 1 });
  if (active.length > 0) return;
  const queue = await createQueue({ url, max: 1 });
  try {
    await enqueueJob(db, queue, { kind: 'QUALITY', payload: {}, createdBy: 'system' });
  } finally {
    await queue.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
