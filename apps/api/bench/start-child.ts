import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A benchmarked HTTP server running in its own process (a bench/*-process.ts file using child-ipc.ts). */
export interface ChildServer {
  url: string;
  pid: number;
  /** Every SQL statement the server sends while `send` runs (the texts, in order). */
  traceStatements(send: () => Promise<void>): Promise<string[]>;
  close(): Promise<void>;
}

function nextMessage<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the bench server sent no '${type}' in ${timeoutMs} ms`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`the bench server exited (code ${code}) before '${type}'`));
    };
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      done();
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Starts `bench/<file>` (TypeScript, through tsx) in a child process with `args`, after the `preload` modules
 * (paths relative to this folder), with NODE_ENV=production; resolves when it listens.
 */
export async function startChildServer(
  file: string,
  args: string[],
  options: { preload?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<ChildServer> {
  const resolveHere = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));
  const preload = (options.preload ?? []).flatMap((name) => ['--import', resolveHere(name)]);
  const child = fork(resolveHere(file), args, {
    execArgv: [...preload, '--import', 'tsx'],
    env: { ...(options.env ?? process.env), NODE_ENV: 'production' },
    // Their output goes to stderr: the bench's stdout holds its results only (--json).
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const { url } = await nextMessage<{ url: string }>(child, 'listening', 180_000);
  return {
    url,
    pid: child.pid as number,
    async traceStatements(send) {
      const started = nextMessage(child, 'trace-started', 10_000);
      child.send({ type: 'trace-start' });
      await started;
      await send();
      const reply = nextMessage<{ statements: string[] }>(child, 'statements', 10_000);
      child.send({ type: 'trace-stop' });
      return (await reply).statements;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill(), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
