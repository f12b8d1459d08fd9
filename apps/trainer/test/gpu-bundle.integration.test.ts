import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type {} from '@dermino/db/testing/global-setup';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildGpuBundle } from '../bundle/build-gpu-bundle.js';
import { tempDir } from './support.js';

// The bundle is built into a temporary folder outside the repository, so nothing resolves from its node_modules.
const dir = tempDir('dermino-gpu-bundle-');
const bundle = path.join(dir, 'bundle');
const run = promisify(execFile);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeAll(() => buildGpuBundle({ out: bundle, platforms: ['linux-x64'] }));

async function dermino(args: string[], env: Record<string, string> = {}) {
  // Dawn's OpenGL ES adapter on Mesa's llvmpipe: the CPU adapter of a machine without a GPU.
  const options = {
    cwd: dir,
    env: { ...process.env, EGL_PLATFORM: 'surfaceless', ...env },
    timeout: 200_000,
  };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(bundle, 'dermino.mjs'), ...args],
      options,
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('the GPU bundle', () => {
  it('holds only the linux-x64 binaries of its native modules', () => {
    expect(fs.readdirSync(path.join(bundle, 'node_modules/webgpu/dist'))).toEqual(['linux-x64']);
    expect(fs.readdirSync(path.join(bundle, 'node_modules/onnxruntime-node/bin/napi-v6'))).toEqual(['linux']);
    expect(fs.readFileSync(path.join(bundle, 'README.md'), 'utf8')).toContain(
      'node dermino.mjs worker --kinds pretrain,finetune',
    );
  });

  it('runs a pretraining step of the tiny preset on webgpu, outside the repository', async () => {
    const result = await dermino([
      'bench',
      '--backend',
      'webgpu',
      '--preset',
      'tiny',
      '--batch',
      '4',
      '--warmup',
      '0',
      '--steps',
      '1',
      '--json',
    ]);
    expect(result.stderr).toMatch(/tfjs backend: webgpu on .* via OpenGL ES, a CPU adapter/);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const row = JSON.parse(result.stdout.trim());
    expect(row).toMatchObject({ preset: 'tiny', backend: 'webgpu', batch: 4, steps: 1 });
    expect(row.gflops).toBeGreaterThan(0);
    expect(Number.isFinite(row.loss)).toBe(true);
  });

  it('names the bad argument in one line', async () => {
    const preset = await dermino(['bench', '--preset', 'vit-x16']);
    expect(preset.code).toBe(1);
    expect(preset.stderr).toMatch(/unknown preset "vit-x16"; known: tiny, vit-s16, vit-b16/);
    const command = await dermino(['start']);
    expect(command.stderr.trim()).toBe(
      'dermino: unknown command "start"; the bundle has bench, worker and pretrain (node dermino.mjs --help).',
    );
    const worker = await dermino(['worker', '--kinds', 'pretrain'], { DATABASE_URL: '' });
    expect(worker.stderr).toMatch(/^dermino: DATABASE_URL is not set/);
  });

  it("starts a worker on the platform's database and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [path.join(bundle, 'dermino.mjs'), 'worker', '--kinds', 'pretrain,finetune', '--backend', 'wasm'],
      {
        cwd: dir,
        env: {
          ...process.env,
          DATABASE_URL: inject('databaseUrl'),
          DERMINO_HOME: dir,
          LOG_FORMAT: 'json',
          DERMINO_BACKEND: 'wasm',
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (!output.includes('bundle worker started') && Date.now() < deadline && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(output).toContain('tfjs backend: wasm');
    expect(output).toContain('"kinds":["PRETRAIN","FINETUNE"]');
    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
  });
});
