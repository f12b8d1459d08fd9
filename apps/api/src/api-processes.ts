import cluster from 'node:cluster';
import { isProcessAlive, readServerInfo } from '@dermino/db';
import type { Logger } from './logger.js';

/**
 * Why the API cannot run `processes` processes on `databaseUrl`, or null when it can: several processes need an
 * external PostgreSQL; the embedded database (the server of the data folder `home`) serves one session, which
 * more API processes would only queue on.
 */
export function apiProcessesRefusal(processes: number, databaseUrl: string, home: string): string | null {
  if (processes <= 1) return null;
  const server = readServerInfo(home);
  const url = new URL(databaseUrl);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  const embedded =
    server && isProcessAlive(server.pid) && loopback && Number(url.port || 5432) === server.port;
  return embedded
    ? `API_PROCESSES=${processes} needs an external PostgreSQL in DATABASE_URL: the embedded database serves one session (use API_PROCESSES=1)`
    : null;
}

/**
 * The primary of API_PROCESSES > 1 (node:cluster): forks `processes` workers running this entry point, which
 * share the API's port (the primary hands each new connection to the next worker). A worker that exits stops
 * them all with code 1 (a supervisor restarts the API as a whole); SIGINT/SIGTERM stop the workers, then exit 0.
 */
export function runApiPrimary(processes: number, logger: Logger): void {
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker && !worker.isDead());
    let left = workers.length;
    if (left === 0) process.exit(code);
    for (const worker of workers) {
      worker?.once('exit', () => {
        left -= 1;
        if (left === 0) process.exit(code);
      });
      worker?.process.kill('SIGTERM');
    }
  };
  cluster.on('exit', (worker, exitCode, signal) => {
    if (stopping) return;
    logger.error(
      { pid: worker.process.pid, exitCode, signal },
      `An API process exited (${signal ?? exitCode}); stopping the others`,
    );
    stop(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop(0));
  for (let i = 0; i < processes; i += 1) cluster.fork();
  logger.info({ processes }, `DermINO API: ${processes} processes (node:cluster)`);
}
