// `prisma migrate deploy` from zero, through bin/prisma.mjs and the offline engine, on a fresh PGlite + pgvector.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgliteServer, startPgliteServer } from './support/pglite-server.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const prismaBin = fileURLToPath(new URL('../bin/prisma.mjs', import.meta.url));

function runPrisma(args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [prismaBin, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const migrationNames = readdirSync(`${repoRoot}prisma/migrations`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const modelNames = [
  ...readFileSync(`${repoRoot}prisma/schema.prisma`, 'utf8').matchAll(/^model (\w+) \{/gm),
].map((match) => match[1]);

let server: PgliteServer;

async function query(sql: string) {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startPgliteServer();
});

afterAll(async () => {
  await server?.stop();
});

describe('migrations on an empty database', () => {
  it('migrate deploy applies every migration', async () => {
    const { code, stdout, stderr } = await runPrisma(['migrate', 'deploy'], { DATABASE_URL: server.url });
    expect(stderr + stdout).toContain('All migrations have been successfully applied.');
    expect(code).toBe(0);

    const tables = (
      await query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)
    ).map((row) => row.table_name);
    expect(modelNames.length).toBeGreaterThan(10);
    expect(tables).toEqual(expect.arrayContaining([...modelNames, '_prisma_migrations']));
    const applied = await query(
      'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(applied.map((row) => row.migration_name)).toEqual(migrationNames);
    expect(applied.every((row) => row.finished_at !== null)).toBe(true);
    expect(await query(`SELECT extname FROM pg_extension WHERE extname = 'vector'`)).toHaveLength(1);
  });

  it('migrate status then says the database is up to date', async () => {
    const { code, stdout } = await runPrisma(['migrate', 'status'], { DATABASE_URL: server.url });
    expect(stdout).toContain(
      `${migrationNames.length} migration${migrationNames.length > 1 ? 's' : ''} found in prisma/migrations`,
    );
    expect(stdout).toContain('Database schema is up to date!');
    expect(code).toBe(0);
  });

  it('without DATABASE_URL the wrapper says what to set instead of failing inside Prisma', async () => {
    const { code, stderr } = await runPrisma(['migrate', 'deploy'], { DATABASE_URL: undefined });
    expect(code).toBe(1);
    expect(stderr).toContain('DATABASE_URL is not set');
  });
});
