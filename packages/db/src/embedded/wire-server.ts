import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

// Serves one PGlite (a single Postgres session) to many wire-protocol connections. Unlike pglite-socket, which
// queues each message on its own, a connection's messages run as one group up to Sync or Query: an extended-query
// Parse/Bind/Execute of one client can never interleave with another's. While a connection has a transaction
// open, only its groups run (the others wait), so transactions stay isolated. A connection that goes away inside
// a transaction has it rolled back, in its turn, so the others go on.

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** Message types after which the client waits for an answer: the end of a group. */
const GROUP_ENDS = new Set(['S', 'Q', 'H', 'F', 'c', 'f']);

/** A frontend message: type byte, int32 length (itself included), body. */
function message(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}
/** Sync ends any half-sent extended query and leaves the error state; then a simple ROLLBACK ends the transaction. */
const ABANDON = new Uint8Array(Buffer.concat([message('S'), message('Q', Buffer.from('ROLLBACK\0', 'utf8'))]));

interface Work {
  connection: number;
  /** Protocol bytes to run, or null: the connection closed, end what it left open. */
  bytes: Uint8Array | null;
  write(data: Uint8Array): void;
  done(): void;
  fail(): void;
}

export interface WireServer {
  port: number;
  close(): Promise<void>;
}

export async function startWireServer(db: PGlite, options: { port: number; host?: string }): Promise<WireServer> {
  const queue: Work[] = [];
  /** The connection whose transaction is open: only its work runs until it ends. */
  let owner: number | null = null;
  let running = false;
  let nextId = 1;

  async function run(work: Work): Promise<void> {
    if (work.bytes === null) {
      if (owner === work.connection) {
        await db.runExclusive(() => db.execProtocolRawStream(ABANDON, { onRawData: () => {} }));
        owner = db.isInTransaction() ? work.connection : null;
      }
      return;
    }
    const bytes = work.bytes;
    await db.runExclusive(() => db.execProtocolRawStream(bytes, { onRawData: (data) => work.write(data) }));
    owner = db.isInTransaction() ? work.connection : null;
  }

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const index = owner === null ? 0 : queue.findIndex((work) => work.connection === owner);
        if (index < 0 || queue.length === 0) break;
        const [work] = queue.splice(index, 1);
        try {
          await run(work);
          work.done();
        } catch {
          // PGlite answers SQL errors in the protocol; a throw here means the session broke for this client.
          owner = db.isInTransaction() ? work.connection : null;
          work.fail();
        }
      }
    } finally {
      running = false;
    }
  }

  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    // An answer written in several chunks would otherwise wait ~40 ms for the client's ACK (Nagle with delayed
    // ACKs): an 85 KB page of cases took 35 ms instead of 1.6 ms.
    socket.setNoDelay(true);
    const connection = nextId++;
    let buffer = Buffer.alloc(0);
    let pending: Buffer[] = [];
    let started = false;
    // A connection's work runs in order: the next item is queued only when the previous one has answered.
    let chain = Promise.resolve();

    const enqueue = (bytes: Buffer | null) => {
      chain = chain.then(
        () =>
          new Promise<void>((resolve) => {
            if (bytes !== null && socket.destroyed) return resolve();
            queue.push({
              connection,
              bytes: bytes && new Uint8Array(bytes),
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
          const startup = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST) socket.write('N');
          else if (code === CANCEL_REQUEST) socket.end();
          else if (code === PROTOCOL_3) {
            started = true;
            enqueue(startup);
          } else socket.destroy();
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const type = String.fromCharCode(buffer[0]);
        if (type === 'X') {
          socket.end();
          return;
        }
        pending.push(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (GROUP_ENDS.has(type)) {
          enqueue(Buffer.concat(pending));
          pending = [];
        }
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      // After the connection's queued work: roll back a transaction it left open.
      enqueue(null);
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
