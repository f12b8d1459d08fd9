import fs from 'node:fs';
import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { AppError } from '../errors.js';
import { resolveHomePaths } from './paths.js';
import { acquireLock, releaseLock } from './process-lock.js';
import { startWireServer } from './wire-server.js';

export interface ServeOptions {
  home: string;
  /** 0 picks a free port. */
  port: number;
  /** Load pgvector (default). Off only to test how a server without it is refused. */
  withVector?: boolean;
}

export interface ServerInfo {
  pid: number;
  port: number;
  startedAt: string;
}

export interface EmbeddedServer {
  port: number;
  stop(): Promise<void>;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new AppError('DATABASE_UNAVAILABLE', {
          message:
            error.code === 'EADDRINUSE'
              ? `Port ${port} is already in use by another program; set DERMINO_DB_PORT to a free port.`
              : `Cannot listen on port ${port}: ${error.message}`,
        }),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/**
 * Serves a PGlite database (Postgres in wasm, with pgvector) from the data folder over the Postgres wire
 * protocol, so every local process uses the same `pg` code path as with a real server.
 */
export async function serveEmbeddedDatabase(options: ServeOptions): Promise<EmbeddedServer> {
  const paths = resolveHomePaths(options.home);
  fs.mkdirSync(paths.root, { recursive: true });
  if (!acquireLock(paths.serverLock)) {
    throw new AppError('CONFLICT', {
      message: `Another process already serves the database in ${paths.root} (see ${paths.serverInfo}).`,
    });
  }
  try {
    const port = options.port === 0 ? await findFreePort() : options.port;
    await assertPortFree(port);
    const db = await PGlite.create(paths.pgdata, { extensions: options.withVector === false ? {} : { vector } });
    const server = await startWireServer(db, { port, host: '127.0.0.1' });
    const info: ServerInfo = { pid: process.pid, port, startedAt: new Date().toISOString() };
    fs.writeFileSync(paths.serverInfo, JSON.stringify(info));
    let stopped = false;
    return {
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        fs.rmSync(paths.serverInfo, { force: true });
        await server.close();
        await db.close();
        releaseLock(paths.serverLock);
      },
    };
  } catch (error) {
    releaseLock(paths.serverLock);
    throw error;
  }
}
