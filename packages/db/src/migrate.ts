import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { childProcessEnv } from './env.js';
import { AppError } from './errors.js';

const migrationsDir = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));
const prismaBin = fileURLToPath(new URL('../bin/prisma.mjs', import.meta.url));

export function listLocalMigrations(): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A connection lost meanwhile (the database stopped by Ctrl-C) fails the pending query; without a listener the
  // 'error' event would crash the process instead.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    const host = new URL(url).host;
    throw new AppError('DATABASE_UNAVAILABLE', {
      message: `Cannot connect to the database at ${host}: ${(error as Error).message}`,
      cause: error,
    });
  }
}

/** Refuses a server this code cannot use, before anything is written to it. */
export async function checkDatabase(url: string): Promise<void> {
  const client = await connect(url);
  try {
    const version = Number((await client.query('SHOW server_version_num')).rows[0].server_version_num);
    if (version < 150000) {
      throw new AppError('DATABASE_INCOMPATIBLE', {
        message: `DermINO needs PostgreSQL 15 or newer; this server is ${Math.floor(version / 10000)}.`,
      });
    }
    const vector = await client.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`);
    if (vector.rowCount === 0) {
      throw new AppError('DATABASE_INCOMPATIBLE', {
        message:
          'The database server has no pgvector extension. Install pgvector (https://github.com/pgvector/pgvector) ' +
          'on the server, or unset DATABASE_URL to use the embedded database.',
      });
    }
    const table = await client.query(`SELECT to_regclass('public._prisma_migrations') AS t`);
    if (table.rows[0].t) {
      const applied = await client.query(
        'SELECT migration_name FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY migration_name',
      );
      const known = new Set(listLocalMigrations());
      const unknown = applied.rows
        .map((row) => row.migration_name as string)
        .filter((name) => !known.has(name));
      if (unknown.length > 0) {
        throw new AppError('DATABASE_INCOMPATIBLE', {
          message:
            `This database was written by a newer version of DermINO (unknown migrations: ${unknown.join(', ')}). ` +
            'Upgrade DermINO, or point DERMINO_HOME / DATABASE_URL elsewhere. Nothing was changed.',
        });
      }
    }
  } finally {
    await client.end();
  }
}

/** Applies pending migrations with `prisma migrate deploy` through the project's offline schema engine. */
export async function migrateDatabase(options: { url: string }): Promise<void> {
  await checkDatabase(options.url);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [prismaBin, 'migrate', 'deploy'], {
      env: childProcessEnv({ DATABASE_URL: options.url }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new AppError('INTERNAL', { message: `Database migration failed:\n${output.trim()}` })),
    );
  });
}
