import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';
import { embeddedUrl, resolveHomePaths } from './paths.js';
import { isProcessAlive } from './process-lock.js';
import type { ServerInfo } from './serve.js';

export interface EnsureDatabaseOptions {
  /** A Postgres >= 15 with pgvector; when absent the embedded database of `home` is used. */
  databaseUrl?: string;
  home: string;
  /** Port for an embedded server this call starts; 0 picks a free one. */
  port?: number;
  startTimeoutMs?: number;
}

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** True when this process started the embedded server: it stops with close(). */
  ownsServer: boolean;
  /** The server process this process started (ownsServer), and when it ends, for a supervisor to restart it. */
  server?: {
    pid: number | undefined;
    exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  };
  close(): Promise<void>;
}

const serveBin = fileURLToPath(new URL('../../bin/dermino-db.mjs', import.meta.url));

export function parseDatabaseUrl(databaseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new AppError('BAD_INPUT', {
      message: `DATABASE_URL is not a valid URL (expected postgresql://user:password@host:5432/database).`,
    });
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new AppError('BAD_INPUT', {
      message: `DATABASE_URL must start with postgresql:// or postgres://, not ${url.protocol}//.`,
    });
  }
  if (!url.hostname) throw new AppError('BAD_INPUT', { message: 'DATABASE_URL has no host name.' });
  return url;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function readServerInfo(home: string): ServerInfo | null {
  try {
    return JSON.parse(fs.readFileSync(resolveHomePaths(home).serverInfo, 'utf8')) as ServerInfo;
  } catch {
    return null;
  }
}

async function findRunningServer(home: string): Promise<ServerInfo | null> {
  const info = readServerInfo(home);
  if (!info || !isProcessAlive(info.pid)) return null;
  return (await canConnect(info.port)) ? info : null;
}

const LOCKED_EXIT_CODE = 3;

function startServerProcess(home: string, port: number, timeoutMs: number) {
  // Its own process group, so a terminal's Ctrl-C does not stop the database under its parent's shutdown; it still
  // goes with its parent, through the IPC channel's 'disconnect'.
  const child = spawn(process.execPath, [serveBin, 'serve', '--home', home, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const ready = new Promise<{ port: number } | 'locked'>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new AppError('DATABASE_UNAVAILABLE', {
          message: `The embedded database did not start in ${timeoutMs} ms.`,
        }),
      );
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(String(chunk));
      if (match) {
        clearTimeout(timer);
        resolve({ port: Number(match[1]) });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === LOCKED_EXIT_CODE) resolve('locked');
      else
        reject(
          new AppError('DATABASE_UNAVAILABLE', {
            message: `The embedded database failed to start: ${stderr.trim() || `exit code ${code}`}`,
          }),
        );
    });
  });
  return { child, ready };
}

async function waitForServer(home: string, timeoutMs: number): Promise<ServerInfo> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const info = await findRunningServer(home);
    if (info) return info;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new AppError('DATABASE_UNAVAILABLE', { message: `No embedded database answered in ${home}.` });
}

function stopChild(child: ChildProcess): Promise<void> {
  // A server killed by a signal has no exit code, only a signal code: it is gone all the same.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Finds the database every entry point uses: DATABASE_URL when given; otherwise the embedded server of the data
 * folder if one runs, else one started for this process's lifetime.
 */
export async function ensureDatabase(options: EnsureDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    parseDatabaseUrl(options.databaseUrl);
    return { url: options.databaseUrl, embedded: false, ownsServer: false, close: async () => {} };
  }
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const running = await findRunningServer(options.home);
  if (running)
    return { url: embeddedUrl(running.port), embedded: true, ownsServer: false, close: async () => {} };

  const { child, ready } = startServerProcess(options.home, options.port ?? 0, timeoutMs);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const started = await ready;
  if (started === 'locked') {
    const info = await waitForServer(options.home, timeoutMs);
    return { url: embeddedUrl(info.port), embedded: true, ownsServer: false, close: async () => {} };
  }
  return {
    url: embeddedUrl(started.port),
    embedded: true,
    ownsServer: true,
    server: { pid: child.pid, exited },
    close: () => stopChild(child),
  };
}

export { LOCKED_EXIT_CODE };
