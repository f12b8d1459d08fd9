import { type ChildProcess, spawn } from 'node:child_process';
import type { ExitStatus, RunningChild } from './supervisor.js';

export interface ManagedChild extends RunningChild {
  name: string;
  process: ChildProcess;
}

/** Spawns a service with its output prefixed by its name; stop() sends SIGTERM, then SIGKILL after a grace period. */
export function spawnService(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ManagedChild {
  // Its own process group: a terminal's Ctrl-C reaches the supervisor alone, which stops the services in order
  // (otherwise each service would see the signal too, and its exit could race the supervisor's shutdown).
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) stream.write(`[${name}] ${line}\n`);
  };
  child.stdout?.on('data', prefix(process.stdout));
  child.stderr?.on('data', prefix(process.stderr));
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // A command that cannot be spawned at all emits 'error' and no 'exit'.
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  return {
    name,
    process: child,
    pid: child.pid,
    exited,
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`The service behind ${url} exited before answering.`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
}
