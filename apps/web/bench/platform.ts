import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

const trainerDir = path.resolve(import.meta.dirname, '..', '..', 'trainer');
const dermino = path.join(trainerDir, 'bin', 'dermino.mjs');

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Platform {
  webUrl: string;
  home: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `dermino start` as `npm start` runs it, minus the worker: the API and the built dashboard on `home`, with the
 * demo registry seeded. Its own process group, so stop() also ends the database server, API and `next start`.
 */
export async function startPlatform(options: { home: string; demoSize: number; timeoutMs: number }): Promise<Platform> {
  const [apiPort, webPort, dbPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  const child = spawn(process.execPath, [dermino, 'start'], {
    cwd: trainerDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: '',
      DERMINO_HOME: options.home,
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      DERMINO_DB_PORT: String(dbPort),
      DERMINO_SERVICES: 'api,web',
      DERMINO_DEMO_SIZE: String(options.demoSize),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-40_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const platform: Platform = {
    webUrl: `http://127.0.0.1:${webPort}`,
    home: options.home,
    output: () => output,
    stop: () => stopGroup(child, exited),
  };
  try {
    await waitForOutput(child, () => output, /DermINO is running/, options.timeoutMs);
  } catch (error) {
    await platform.stop();
    throw error;
  }
  return platform;
}

async function waitForOutput(child: ChildProcess, output: () => string, pattern: RegExp, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output())) {
    if (child.exitCode !== null) throw new Error(`dermino start exited (${child.exitCode}):\n${output()}`);
    if (Date.now() > deadline) throw new Error(`dermino start did not print ${pattern} in ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** SIGINT first so the launcher releases its locks and closes the database; SIGKILL the group if it hangs. */
async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pid = child.pid;
  if (!pid) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone already
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGINT');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  // Whatever the launcher left behind (it should leave nothing).
  signalGroup('SIGKILL');
}

export const nextVersion = (): string =>
  (createRequire(import.meta.url)('next/package.json') as { version: string }).version;
