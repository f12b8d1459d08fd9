// A throwaway PGlite (with pgvector) served over TCP, for tests of the schema engine and the migrations.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { startWireServer } from '../../src/embedded/wire-server.js';

export interface PgliteServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts PGlite in a temp data dir on a free port; several clients may connect (the CLI opens a few). */
export async function startPgliteServer(): Promise<PgliteServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dermino-pglite-'));
  const db = await PGlite.create({ dataDir, extensions: { vector } });
  const port = await findFreePort();
  const server = await startWireServer(db, { port, host: '127.0.0.1' });
  return {
    port,
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.close();
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
