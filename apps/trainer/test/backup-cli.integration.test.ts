import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { tempDir } from './support.js';

const bin = fileURLToPath(new URL('../bin/dermino.mjs', import.meta.url));
const run = promisify(execFile);
const dir = tempDir('dermino-backup-cli-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function dermino(args: string[], env: Record<string, string | undefined>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, DERMINO_BACKEND: 'wasm', ...env },
      timeout: 240_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('dermino backup and restore', () => {
  it('backs up a running database with its data folder and restores it into an empty folder', async () => {
    const source = path.join(dir, 'source');
    fs.mkdirSync(path.join(source, 'images', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(source, 'images', 'ab', 'thumb.webp'), 'image bytes');
    const file = path.join(dir, 'platform.backup');
    const backup = await dermino(['backup', '--out', file], { DATABASE_URL: inject('databaseUrl'), DERMINO_HOME: source });
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^Backed up \d+ rows in \d+ tables, 1 files, [\d.]+ MB to .*platform\.backup\.\n$/);

    const target = path.join(dir, 'target');
    const restore = await dermino(['restore', file], { DATABASE_URL: '', DERMINO_HOME: target });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const rows = /^Backed up (\d+) rows/.exec(backup.stdout)?.[1];
    expect(restore.stdout).toMatch(new RegExp(`^Restored ${rows} rows in \\d+ tables, 1 files`));
    expect(fs.readFileSync(path.join(target, 'images', 'ab', 'thumb.webp'), 'utf8')).toBe('image bytes');

    const again = await dermino(['restore', file], { DATABASE_URL: '', DERMINO_HOME: target });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `dermino: restore: the data folder ${target} is not empty; set DERMINO_HOME to a new folder (nothing was changed).\n`,
    );
  });
});
