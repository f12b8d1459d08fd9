import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Service {
  name: string;
  child: ChildProcess;
  /** Everything the process printed, for the error message when it fails to come up. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts a process in its own process group, so stop() also ends the children (tsx runs node in a child). */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Service {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers with one of `okStatuses`; fails early, with the process output, if it exits. */
export async function waitForHttp(
  service: Service,
  url: string,
  timeoutMs: number,
  okStatuses = [200],
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(
        `${service.name} exited with code ${service.child.exitCode} before answering ${url}:\n${service.output()}`,
      );
    }
    try {
      const response = await fetch(url, { redirect: 'manual' });
      await response.body?.cancel();
      if (okStatuses.includes(response.status)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} did not answer ${url} within ${timeoutMs} ms:\n${service.output()}`);
}

const webDir = path.resolve(import.meta.dirname, '..', '..');

/** `next start` of the existing production build, talking to the API at `apiUrl`. */
export async function startWebApp(apiUrl: string): Promise<Service & { url: string }> {
  const port = await findFreePort();
  const nextPackage = createRequire(import.meta.url).resolve('next/package.json');
  const nextBin = path.join(path.dirname(nextPackage), 'dist', 'bin', 'next');
  const web = startService(
    'web',
    process.execPath,
    [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: webDir,
      env: { ...process.env, DERMINO_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(web, `${url}/login`, 60_000);
  } catch (error) {
    await web.stop();
    throw error;
  }
  return { ...web, url };
}

/** The real API from source (tsx) on `databaseUrl`, serving images from `dataHome`; resolves once /healthz answers. */
export async function startApi(databaseUrl: string, dataHome: string): Promise<Service & { url: string }> {
  const port = await findFreePort();
  const apiDir = path.resolve(webDir, '..', 'api');
  const api = startService(
    'API',
    process.execPath,
    [createRequire(import.meta.url).resolve('tsx/cli'), path.join(apiDir, 'src', 'main.ts')],
    {
      cwd: apiDir,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DERMINO_HOME: dataHome,
        DERMINO_SESSION_SECRET: randomBytes(32).toString('hex'),
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(api, `${url}/healthz`, 90_000);
  } catch (error) {
    await api.stop();
    throw error;
  }
  return { ...api, url };
}
