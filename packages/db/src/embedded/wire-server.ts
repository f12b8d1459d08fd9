import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

// Serves one PGlite (a single Postgres session) to many wire-protocol connections. Unlike pglite-socket, which
// queues each message on its own, a connection's messages run as one group up to Sync or Query: an extended-query
// Parse/Bind/Execute of one client can never interleave with another's. While a connection has a transaction
// open, only its groups run (the others wait), so transactions stay isolated.

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** Message types after which the client waits for an answer: the end of a group. */
const GROUP_ENDS = new Set(['S', 'Q', 'H', 'X', 'F', 'c', 'f']);

interface Group {
  connection: number;
  bytes: Uint8Array;
  write(data: Uint8Array): void;
  done(): void;
  fail(): void;
}

export interface WireServer {
  port: number;
  close(): Promise<void>;
}

export async function startWireServer(db: PGlite, options: { port: number; host?: string }): Promise<WireServer> {
  const queue: Group[] = [];
  let owner: number | null = null;
  let running = false;
  let nextId = 1;

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const index = owner === null ? 0 : queue.findIndex((group) => group.connection === owner);
        if (index < 0 || queue.length === 0) break;
        const [group] = queue.splice(index, 1);
        try {
          await db.runExclusive(() => db.execProtocolRawStream(group.bytes, { onRawData: (data) => group.write(data) }));
          owner = db.isInTransaction() ? group.connection : null;
          group.done();
        } catch {
          // PGlite answers SQL errors in the protocol; a throw here means the session broke for this client.
          group.fail();
          owner = db.isInTransaction() ? group.connection : null;
        }
      }
    } finally {
      running = false;
    }
  }

  async function release(connection: number): Promise<void> {
    for (let i = queue.length - 1; i >= 0; i--) {
      if (queue[i].connection === connection) queue.splice(i, 1)[0].done();
    }
    if (owner === connection) {
      // A client that went away inside a transaction must not leave it open for everyone else.
      await db.runExclusive(() => db.exec('ROLLBACK'));
      owner = null;
    }
    await drain();
  }

  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const connection = nextId++;
    let buffer = Buffer.alloc(0);
    let pending: Buffer[] = [];
    let started = false;
    // Groups of one connection run in order: the next is queued only when the previous one has answered.
    let chain = Promise.resolve();

    const enqueue = (bytes: Buffer) => {
      chain = chain.then(
        () =>
          new Promise<void>((resolve) => {
            if (socket.destroyed) return resolve();
            queue.push({
              connection,
              bytes: new Uint8Array(bytes),
              write: (data) => socket.writable && socket.write(data),
              done: resolve,
              fail: () => {
                socket.destroy();
                resolve();
              },
            });
            void drain();
          }),
      );
    };

    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 4) {
        if (!started) {
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST) socket.write('N');
          else if (code === CANCEL_REQUEST) socket.end();
          else if (code === PROTOCOL_3) {
            started = true;
            enqueue(message);
          } else socket.destroy();
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const type = String.fromCharCode(buffer[0]);
        pending.push(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (type === 'X') {
          socket.end();
          return;
        }
        if (GROUP_ENDS.has(type)) {
          enqueue(Buffer.concat(pending));
          pending = [];
        }
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      void release(connection);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Connections idle in a client's pool would keep the server open.
        for (const socket of sockets) socket.destroy();
      }),
  };
}
