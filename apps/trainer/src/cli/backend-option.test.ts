import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/dermino.mjs', import.meta.url));

// A machine without a WebGPU adapter: no Vulkan driver (an ICD list that does not exist), and Mesa's EGL asked for
// an X11 display that is not there.
const NO_ADAPTER = { VK_ICD_FILENAMES: '/nonexistent.json', EGL_PLATFORM: 'x11' };

/** The real CLI in a child process; the exit code and the last line of stderr (Dawn prints its own warnings). */
async function dermino(args: string[], env: Record<string, string>) {
  const { DERMINO_BACKEND: _backend, DISPLAY: _display, ...inherited } = process.env;
  const result = await promisify(execFile)(process.execPath, [bin, ...args], {
    env: { ...inherited, ...env },
    timeout: 120_000,
  }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
  return { code: result.code, last: result.stderr.trim().split('\n').at(-1) };
}

describe('--backend and DERMINO_BACKEND without a WebGPU adapter', () => {
  const pretrain = async () => [
    'pretrain',
    '--data',
    'synthetic:4',
    '--steps',
    '1',
    '--out',
    path.join(await mkdtemp(path.join(os.tmpdir(), 'backend-option-')), 'out'),
  ];
  const reason =
    "no WebGPU adapter (Vulkan/native: no adapter; OpenGL ES: no adapter); a GPU needs its Vulkan driver, a machine without one Mesa's EGL/GLES (apt-get install libegl1 libgles2 libegl-mesa0)";

  it('pretrain --backend webgpu stops with one line naming the option and the reason', async () => {
    const result = await dermino([...(await pretrain()), '--backend', 'webgpu'], NO_ADAPTER);
    expect(result).toEqual({ code: 1, last: `dermino: --backend webgpu cannot be used: ${reason}` });
  });

  it('DERMINO_BACKEND=webgpu: the same line, naming the variable', async () => {
    const result = await dermino(await pretrain(), { ...NO_ADAPTER, DERMINO_BACKEND: 'webgpu' });
    expect(result).toEqual({ code: 1, last: `dermino: DERMINO_BACKEND=webgpu cannot be used: ${reason}` });
  });

  it('dermino worker --backend webgpu stops before taking any job', async () => {
    const result = await dermino(['worker', '--kinds', 'pretrain', '--backend', 'webgpu'], NO_ADAPTER);
    expect(result).toEqual({ code: 1, last: `dermino: --backend webgpu cannot be used: ${reason}` });
  });

  it('an unknown --backend is named with the accepted ones', async () => {
    const result = await dermino([...(await pretrain()), '--backend', 'gpu'], {});
    expect(result).toEqual({
      code: 1,
      last: 'dermino: --backend must be one of tensorflow-gpu, webgpu, tensorflow, wasm, cpu, got "gpu"',
    });
  });
});
