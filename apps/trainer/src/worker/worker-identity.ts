import os from 'node:os';

/** How a job names the process running its attempt: host:pid. */
export function workerIdentity(pid = process.pid, host = os.hostname()): string {
  return `${host}:${pid}`;
}

/**
 * True when `worker` names a process of this host that is gone: its job will never finish there. Another host's
 * worker, or a pid that is alive (even reused), is left to the heartbeat rule.
 */
export function isDeadLocalWorker(worker: string | null | undefined, host = os.hostname()): boolean {
  if (!worker) return false;
  const at = worker.lastIndexOf(':');
  const pid = Number(worker.slice(at + 1));
  if (worker.slice(0, at) !== host || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
