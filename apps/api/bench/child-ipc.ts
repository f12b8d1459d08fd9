import pg from 'pg';

/**
 * The child side of start-child.ts: tells the parent `url` over IPC, then answers its messages: 'trace-start' /
 * 'trace-stop' collect every SQL statement this process sends through pg.Client#query (which pg.Pool, Prisma's
 * adapter and PostGraphile's adaptor all use; patched only while tracing), 'close' calls `close` and exits.
 */
export function serveParent(
  url: string,
  close: () => Promise<void>,
  /** The `pg` the server sends through, when it has its own copy (PostGraphile, in bench/postgraphile). */
  client: { Client: typeof pg.Client } = pg,
): void {
  const send = process.send?.bind(process);
  if (!send)
    throw new Error('this bench server runs as a child process with an IPC channel (start-child.ts)');
  let traced: string[] = [];
  const originalQuery = client.Client.prototype.query;
  process.on('message', (message: { type: string }) => {
    if (message.type === 'trace-start') {
      traced = [];
      client.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const config = args[0] as string | { text?: string };
        traced.push(typeof config === 'string' ? config : (config?.text ?? '?'));
        return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof originalQuery;
      send({ type: 'trace-started' });
    } else if (message.type === 'trace-stop') {
      client.Client.prototype.query = originalQuery;
      send({ type: 'statements', statements: traced });
    } else if (message.type === 'close') {
      close().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    }
  });
  send({ type: 'listening', url });
}
