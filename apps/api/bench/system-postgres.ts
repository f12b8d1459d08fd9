import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';
const VECTOR = '/usr/lib/postgresql/15/lib/vector.so';
const BUILD_PGVECTOR = fileURLToPath(new URL('../../../.ci/build-pgvector.sh', import.meta.url));

/** A throwaway PostgreSQL 15 server (its own data folder and port), stopped and removed by stop(). */
export interface SystemPostgres {
  url: string;
  /** The postmaster: its process tree holds every backend. */
  pid: number;
  /** The server's log (removed by stop()). */
  logFile: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary as the postgres user when this process is root (initdb and postgres refuse root). */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function ensurePgvector(): void {
  if (!fs.existsSync(`${BIN}/postgres`))
    throw new Error(`PostgreSQL 15 is not installed (no ${BIN}/postgres): apt-get install postgresql-15`);
  if (fs.existsSync(VECTOR)) return;
  if (!isRoot()) throw new Error(`pgvector for PostgreSQL 15 is missing: run ${BUILD_PGVECTOR} as root`);
  const build = spawnSync('bash', [BUILD_PGVECTOR], { stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error(`pgvector could not be built (${BUILD_PGVECTOR})`);
}

async function waitUntilReady(url: string, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      const exit = exited();
      if (exit) throw new Error(`PostgreSQL 15 did not start: ${exit}`);
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL 15 did not accept connections in 60 s: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * Starts the system PostgreSQL 15 (with pgvector, built by .ci/build-pgvector.sh when missing) on a fresh data
 * folder under the temp dir and a free port on 127.0.0.1, trust authentication, default settings but `settings`.
 */
export async function startSystemPostgres(settings: Record<string, string> = {}): Promise<SystemPostgres> {
  ensurePgvector();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-bench-pg15-'));
  const data = path.join(dir, 'data');
  if (isRoot()) spawnSync('chown', ['postgres:postgres', dir]);
  const [initdb, initArgs] = asPostgresUser(`${BIN}/initdb`, [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const init = spawnSync(initdb, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().split('\n').pop()}`);
  }
  const port = await freePort();
  const [postgres, args] = asPostgresUser(`${BIN}/postgres`, [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ]);
  const log = fs.openSync(path.join(dir, 'postgres.log'), 'a');
  const child = spawn(postgres, args, { stdio: ['ignore', log, log] });
  let exit: string | null = null;
  child.once('exit', (code, signal) => {
    exit = `exited (${signal ?? code}); ${fs.readFileSync(path.join(dir, 'postgres.log'), 'utf8').trim().split('\n').pop()}`;
  });
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await waitUntilReady(url, () => exit);
  } catch (error) {
    child.kill('SIGINT');
    remove();
    throw error;
  }
  const pid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url,
    pid,
    logFile: path.join(dir, 'postgres.log'),
    async stop() {
      if (exit === null) {
        const stopped = new Promise((resolve) => child.once('exit', resolve));
        process.kill(pid, 'SIGINT'); // fast shutdown: ends the backends, then the postmaster
        await stopped;
      }
      fs.closeSync(log);
      remove();
    },
  };
}
