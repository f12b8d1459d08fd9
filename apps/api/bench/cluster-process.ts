// `bench/cluster-process.ts <count> <file> [args...]`: `count` copies of a bench server (api-process.ts,
// postgraphile/postgraphile-process.ts) as node:cluster workers sharing one port (the primary hands each
// connection to the next worker in turn), seen by start-child.ts as one server: this primary relays its messages.
import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';

const [countArg, file, ...args] = process.argv.slice(2);
const count = Number(countArg);
if (!file || !Number.isInteger(count) || count < 1)
  throw new Error('usage: cluster-process.ts <count> <file> [args...]');
const send = process.send?.bind(process);
if (!send) throw new Error('cluster-process.ts runs as a child process with an IPC channel (start-child.ts)');

cluster.setupPrimary({ exec: fileURLToPath(new URL(`./${file}`, import.meta.url)), args });
const workers: Worker[] = Array.from({ length: count }, () => cluster.fork());

/** The next message of `type` from every worker. */
function fromEach<T>(type: string): Promise<T[]> {
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<T>((resolve, reject) => {
          const onMessage = (message: { type: string }) => {
            if (message.type !== type) return;
            worker.off('message', onMessage);
            worker.off('exit', onExit);
            resolve(message as T);
          };
          const onExit = (code: number) =>
            reject(new Error(`a worker exited (code ${code}) before '${type}'`));
          worker.on('message', onMessage);
          worker.once('exit', onExit);
        }),
    ),
  );
}

const urls = new Set((await fromEach<{ url: string }>('listening')).map(({ url }) => url));
if (urls.size !== 1) throw new Error(`the workers listen on different addresses: ${[...urls].join(', ')}`);
process.on('message', async (message: { type: string }) => {
  if (message.type === 'trace-start') {
    const started = fromEach('trace-started');
    for (const worker of workers) worker.send(message);
    await started;
    send({ type: 'trace-started' });
  } else if (message.type === 'trace-stop') {
    const replies = fromEach<{ statements: string[] }>('statements');
    for (const worker of workers) worker.send(message);
    send({ type: 'statements', statements: (await replies).flatMap((reply) => reply.statements) });
  } else if (message.type === 'close') {
    const exits = workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve)));
    for (const worker of workers) worker.send(message);
    await Promise.all(exits);
    process.exit(0);
  }
});
send({ type: 'listening', url: [...urls][0] });
