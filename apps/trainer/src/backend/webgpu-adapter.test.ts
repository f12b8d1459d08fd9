import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './select-backend.js';
import {
  adapterSummary,
  type CreateGpu,
  describeAdapter,
  findWebGpuAdapter,
  vulkanLoaderMissing,
} from './webgpu-adapter.js';

const adapterWith = (info: Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean }) =>
  ({ info: { vendor: '', architecture: '', device: '', description: '', ...info } }) as unknown as GPUAdapter;

/** A Dawn stand-in that records what was asked and answers with `answer(flags)`. */
function fakeDawn(answer: (flags: string[]) => GPUAdapter | null | Error) {
  const requests: { flags: string[]; options?: Record<string, unknown> }[] = [];
  const createGpu: CreateGpu = (flags) => {
    const result = answer(flags);
    if (result instanceof Error) throw result;
    return {
      requestAdapter: async (options) => {
        requests.push({ flags, options });
        return result;
      },
    };
  };
  return { createGpu, requests };
}

describe('the WebGPU adapter', () => {
  it('tells CPU adapters (llvmpipe, SwiftShader, the fallback flag) from a GPU', () => {
    const llvmpipe = describeAdapter(
      adapterWith({
        device: 'llvmpipe-llvm-15-0-6-256-bits-',
        description: 'OpenGL version OpenGL ES 3.2 Mesa 22.3.6',
      }),
      'opengles',
    );
    expect(llvmpipe).toMatchObject({ cpu: true, isFallbackAdapter: false, api: 'opengles' });
    expect(adapterSummary(llvmpipe)).toBe(
      'llvmpipe-llvm-15-0-6-256-bits- (OpenGL version OpenGL ES 3.2 Mesa 22.3.6) via OpenGL ES, a CPU adapter',
    );
    expect(
      describeAdapter(adapterWith({ vendor: 'google', architecture: 'swiftshader' }), 'native').cpu,
    ).toBe(true);
    expect(describeAdapter(adapterWith({ vendor: 'acme', isFallbackAdapter: true }), 'native').cpu).toBe(
      true,
    );
    const h100 = describeAdapter(
      adapterWith({ vendor: 'nvidia', architecture: 'hopper', device: 'NVIDIA H100 80GB HBM3' }),
      'native',
    );
    expect(h100).toMatchObject({
      cpu: false,
      isFallbackAdapter: false,
      vendor: 'nvidia',
      architecture: 'hopper',
    });
    expect(adapterSummary(h100)).toBe('nvidia hopper NVIDIA H100 80GB HBM3 via native API');
  });

  it('asks the native API (Vulkan) for a high-performance adapter first, then OpenGL ES in compatibility mode', async () => {
    const gpu = adapterWith({ vendor: 'nvidia', architecture: 'ampere' });
    const native = fakeDawn(() => gpu);
    expect((await findWebGpuAdapter(native.createGpu)).info.api).toBe('native');
    expect(native.requests).toEqual([{ flags: [], options: { powerPreference: 'high-performance' } }]);

    const cpuOnly = fakeDawn((flags) =>
      flags.includes('backend=opengles') ? adapterWith({ device: 'llvmpipe' }) : null,
    );
    const found = await findWebGpuAdapter(cpuOnly.createGpu);
    expect(found.info).toMatchObject({ api: 'opengles', cpu: true });
    expect(cpuOnly.requests[1]).toEqual({
      flags: ['backend=opengles'],
      options: { powerPreference: 'high-performance', featureLevel: 'compatibility' },
    });
  });

  it('without any adapter fails in one line saying what was tried and what to install', async () => {
    const none = fakeDawn((flags) =>
      flags.length ? null : new Error('dawn.node: libvulkan.so.1: cannot open\nstack'),
    );
    const error = await findWebGpuAdapter(none.createGpu).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      "no WebGPU adapter (Vulkan/native: dawn.node: libvulkan.so.1: cannot open; OpenGL ES: no adapter); a GPU needs its Vulkan driver, a machine without one Mesa's EGL/GLES (apt-get install libegl1 libgles2 libegl-mesa0)",
    );
  });

  it('DERMINO_BACKEND=webgpu with no adapter: one line naming the backend and the reason', async () => {
    const none = fakeDawn(() => null);
    const error = await selectBackend({ forced: 'webgpu', createGpu: none.createGpu }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(
      /^DERMINO_BACKEND=webgpu cannot be used: no WebGPU adapter \(Vulkan\/native: no adapter; OpenGL ES: no adapter\); .*libegl1 libgles2 libegl-mesa0\)$/,
    );
    expect((error as Error).message).not.toContain('\n');
  });

  it('in the automatic order asks the native API only, refuses a CPU adapter (slower than wasm) saying so, and goes on', async () => {
    // SwiftShader: Dawn's CPU implementation of Vulkan.
    const cpuOnly = fakeDawn(() => adapterWith({ vendor: 'google', architecture: 'swiftshader' }));
    const selected = await selectBackend({ createGpu: cpuOnly.createGpu });
    expect(selected.choice).toBe('wasm');
    expect(selected.adapter).toBeUndefined();
    expect(cpuOnly.requests.map((request) => request.flags)).toEqual([[]]);
    expect(selected.skipped.find((s) => s.choice === 'webgpu')?.reason).toBe(
      'only a CPU adapter, slower than wasm (google swiftshader via native API, a CPU adapter); DERMINO_BACKEND=webgpu uses it',
    );
  });

  it('finds the Vulkan loader on LD_LIBRARY_PATH (else in the linker cache)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vulkan-'));
    await writeFile(path.join(dir, 'libvulkan.so.1'), '');
    expect(vulkanLoaderMissing(`/nonexistent:${dir}`)).toBe(false);
    const cached = (await readFile('/etc/ld.so.cache')).includes('libvulkan.so.1');
    expect(vulkanLoaderMissing('/nonexistent')).toBe(!cached);
  });
});
