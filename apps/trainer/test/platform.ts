import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/dermino.mjs', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningPlatform {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<void>;
  exited(): Promise<number | null>;
  /** A terminal's Ctrl-C: SIGINT to the whole process group of `dermino start`. */
  ctrlC(): void;
}

/** `dermino start` as a user runs it (a real child process), on its own data folder and ports. */
export function startPlatformProcess(env: Record<string, string>): RunningPlatform {
  // Its own process group, as a shell starts a command, so that ctrlC() reaches everything the terminal would.
  const child = spawn(process.execPath, [bin, 'start'], {
    env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    async waitFor(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (child.exitCode !== null) throw new Error(`dermino start exited (${child.exitCode}):\n${output}`);
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern}:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    exited: () => exit,
    ctrlC: () => process.kill(-(child.pid as number), 'SIGINT'),
  };
}

export async function graphql(apiPort: number, query: string, variables: unknown = {}, token?: string) {
  const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: any;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

export async function login(apiPort: number, email: string, password: string): Promise<string> {
  const result = await graphql(apiPort, 'mutation($input: LoginInput!) { login(input: $input) { token } }', {
    input: { email, password },
  });
  if (!result.data?.login?.token) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  return result.data.login.token;
}
