// The committed migrations must build exactly prisma/schema.prisma. Editing the schema without adding a migration
// (`node packages/db/bin/prisma.mjs migrate dev --name <change>`) fails this file.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgliteServer, startPgliteServer } from './support/pglite-server.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const prismaBin = fileURLToPath(new URL('../bin/prisma.mjs', import.meta.url));
const schemaPath = path.join(repoRoot, 'prisma/schema.prisma');
const migrationsDir = path.join(repoRoot, 'prisma/migrations');

let main: PgliteServer;
let shadow: PgliteServer;
let tempDir: string;

function runPrisma(args: string[]) {
  // PGlite serves one database whatever its name, so the shadow database is a second server.
  const env = { ...process.env, DATABASE_URL: main.url, SHADOW_DATABASE_URL: shadow.url };
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [prismaBin, ...args], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const diffAgainst = (schema: string) =>
  runPrisma(['migrate', 'diff', '--from-migrations', migrationsDir, '--to-schema', schema, '--exit-code']);

/** schema.prisma with one edit, in a temp file: the real one is never touched. */
async function editedSchema(name: string, edit: (schema: string) => string): Promise<string> {
  const original = await readFile(schemaPath, 'utf8');
  const changed = edit(original);
  expect(changed).not.toBe(original);
  const file = path.join(tempDir, `${name}.prisma`);
  await writeFile(file, changed);
  return file;
}

beforeAll(async () => {
  [main, shadow] = await Promise.all([startPgliteServer(), startPgliteServer()]);
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'dermino-drift-'));
});

afterAll(async () => {
  await Promise.all([main?.stop(), shadow?.stop()]);
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

describe('migrations vs schema.prisma', () => {
  it('the migrations build exactly the schema (no drift)', async () => {
    const { code, stdout, stderr } = await diffAgainst(schemaPath);
    expect(stdout + stderr).toContain('No difference detected.');
    expect(code).toBe(0);
  });

  it('a field and an extension added to the schema without a migration are reported', async () => {
    const schema = await editedSchema('drifted', (text) =>
      text
        .replace(/^model User \{\n/m, '$&  driftProbe String?\n')
        .replace('extensions = [vector]', 'extensions = [vector, pg_trgm]'),
    );
    const { code, stdout } = await diffAgainst(schema);
    expect(stdout).toContain('[*] Changed the `User` table');
    expect(stdout).toContain('[+] Added column `driftProbe`');
    expect(stdout).toContain('[+] Added extensions');
    expect(stdout).toContain('pg_trgm');
    // vector is created by the migrations: the engine must not report it again.
    expect(stdout).not.toMatch(/- vector/);
    expect(code).toBe(2);
  });

  it('migrate dev on the migrated database finds nothing to create', async () => {
    const before = await readdir(migrationsDir);
    expect((await runPrisma(['migrate', 'deploy'])).code).toBe(0);
    const { code, stdout, stderr } = await runPrisma(['migrate', 'dev', '--name', 'drift_probe']);
    const created = (await readdir(migrationsDir)).filter((name) => !before.includes(name));
    // A regression would have written a migration into the repo: remove it before asserting.
    await Promise.all(
      created.map((name) => rm(path.join(migrationsDir, name), { recursive: true, force: true })),
    );
    expect(created).toEqual([]);
    expect(stdout + stderr).toContain('Already in sync, no schema change or pending migration was found.');
    expect(code).toBe(0);
  });
});
