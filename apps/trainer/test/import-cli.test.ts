import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type {} from '@dermino/db/testing/global-setup';
import { describe, expect, inject, it } from 'vitest';
import { tempDir } from './support.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/dermino.mjs', import.meta.url));
const shared = fileURLToPath(new URL('../../../../shared/data/ham10000/', import.meta.url));

/** The first rows of the real HAM10000 files, in a temp folder (never in the repo). */
function hamSubset(rows: number) {
  const dir = tempDir('dermino-cli-ham-');
  const head = (file: string) =>
    `${fs
      .readFileSync(path.join(shared, file), 'utf8')
      .split('\n')
      .slice(0, rows + 1)
      .join('\n')}\n`;
  fs.writeFileSync(path.join(dir, 'HAM10000_metadata.csv'), head('HAM10000_metadata.csv'));
  fs.writeFileSync(path.join(dir, 'hmnist_8_8_L.csv'), head('hmnist_8_8_L.csv'));
  return dir;
}

async function dermino(args: string[], home: string) {
  const env = { ...process.env, DATABASE_URL: inject('databaseUrl'), DERMINO_HOME: home, LOG_LEVEL: 'error' };
  return run(process.execPath, [bin, ...args], { env, maxBuffer: 32 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

describe('dermino import and dataset commands', () => {
  it('imports HAM10000 pixels, freezes a lesion-grouped version and finds no leakage', async () => {
    const home = tempDir('dermino-cli-home-');
    const data = hamSubset(300);
    const source = `ham-cli-${Date.now()}`;
    const imported = await dermino(
      [
        'import',
        'ham10000',
        '--metadata',
        path.join(data, 'HAM10000_metadata.csv'),
        '--pixels',
        path.join(data, 'hmnist_8_8_L.csv'),
        '--source',
        source,
        '--json',
      ],
      home,
    );
    expect(imported.code, imported.stderr).toBe(0);
    const summary = JSON.parse(imported.stdout);
    expect(summary.counts).toMatchObject({ rows: 300, imported: 300, skipped: 0 });
    expect(fs.readdirSync(path.join(home, 'images')).length).toBeGreaterThan(0);

    const frozen = await dermino(
      [
        'dataset',
        'freeze',
        '--name',
        source,
        '--filter',
        `source=${source}`,
        '--split',
        '70/15/15',
        '--group-by',
        'lesion',
        '--seed',
        '1',
        '--json',
      ],
      home,
    );
    expect(frozen.code, frozen.stderr).toBe(0);
    const version = JSON.parse(frozen.stdout);
    expect(version.images).toBe(300);
    expect(version.version.version).toBe(1);

    const checked = await dermino(['dataset', 'check-leakage', '--version', version.version.id], home);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('across splits: 0 lesions, 0 patients, 0 exact duplicates');
    expect(checked.stdout).toContain('No leakage.');
  });

  it('prints a clear error and exits 1 on bad arguments', async () => {
    const home = tempDir('dermino-cli-home-');
    const missing = await dermino(
      ['import', 'ham10000', '--metadata', '/nonexistent/meta.csv', '--pixels', '/nonexistent/p.csv'],
      home,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read --metadata /nonexistent/meta.csv: no such file.');
    const badSplit = await dermino(['dataset', 'freeze', '--name', 'x', '--split', '70/abc'], home);
    expect(badSplit.code).toBe(1);
    expect(badSplit.stderr).toContain(
      '--split "70/abc" must be two or three non-negative numbers like 70/15/15.',
    );
  });
});
