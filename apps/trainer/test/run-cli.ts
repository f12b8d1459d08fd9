import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type {} from '@dermino/db/testing/global-setup';
import { inject } from 'vitest';
import { testHome } from './demo-fixture.js';

const bin = fileURLToPath(new URL('../bin/dermino.mjs', import.meta.url));
const run = promisify(execFile);

/** The real `dermino` CLI in a child process on the test database, with the shared test home; never throws. */
export async function runDermino(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: inject('databaseUrl'),
        DERMINO_HOME: testHome(),
        DERMINO_BACKEND: 'wasm',
        ...env,
      },
      timeout: 600_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}
