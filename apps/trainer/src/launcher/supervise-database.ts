import { type DatabaseHandle, ensureDatabase } from '@dermino/db';
import { type RestartPolicy, type RunningChild, type Supervised, supervise } from './supervisor.js';

function asRun(handle: DatabaseHandle): RunningChild {
  return {
    pid: handle.server?.pid,
    exited: handle.server?.exited ?? new Promise(() => {}),
    stop: () => handle.close(),
  };
}

/**
 * Restarts the embedded database server this process started when it dies: on the same port, from the same data
 * folder (PGlite replays its log), so the API and the workers find it again at the address they were given.
 * Returns null when there is nothing of ours to watch (DATABASE_URL, or a server another process started).
 */
export function superviseDatabase(
  first: DatabaseHandle,
  options: {
    home: string;
    signal: AbortSignal;
    log(line: string): void;
    onGiveUp(message: string): void;
    policy?: RestartPolicy;
  },
): Supervised | null {
  if (!first.server) return null;
  const port = Number(new URL(first.url).port);
  return supervise(asRun(first), {
    name: 'the database',
    async restart() {
      const handle = await ensureDatabase({ home: options.home, port });
      if (!handle.server || handle.url !== first.url) {
        await handle.close();
        throw new Error(`another process serves ${options.home} now, at ${new URL(handle.url).host}.`);
      }
      return asRun(handle);
    },
    signal: options.signal,
    onGiveUp: options.onGiveUp,
    log: options.log,
    policy: options.policy,
  });
}
