import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEnv, useHeadlessEgl } from '../env.js';

/** What the adapter says about itself: logged at selection and stored with the job's model. */
export interface WebGpuAdapterInfo {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** Which of Dawn's paths gave it: the platform's native API (Vulkan on Linux) or OpenGL ES. */
  api: 'native' | 'opengles';
  /** WebGPU's own flag (a software adapter the browser would offer as a last resort). */
  isFallbackAdapter: boolean;
  /** Runs on the CPU (llvmpipe, SwiftShader, lavapipe): the flag above, or the device's name, says so. */
  cpu: boolean;
}

/** The part of Dawn's `create(flags)` result used here (injectable, so a test can have no adapter). */
export interface GpuLike {
  requestAdapter(options?: Record<string, unknown>): Promise<GPUAdapter | null>;
}
export type CreateGpu = (flags: string[]) => GpuLike | Promise<GpuLike>;

export interface FoundAdapter {
  gpu: GpuLike;
  adapter: GPUAdapter;
  info: WebGpuAdapterInfo;
}

// Mesa's and Google's software rasterisers, and Windows' software adapter.
const CPU_DEVICE = /llvmpipe|softpipe|lavapipe|swiftshader|software|basic render/i;

/** Dawn's Node binding, with its WebGPU classes (GPUBufferUsage, ...) made global as tfjs-backend-webgpu expects. */
async function dawnCreate(flags: string[]): Promise<GpuLike> {
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  return create(flags);
}

/**
 * Asks Dawn for an adapter: first the platform's native API with a high-performance preference (Vulkan and the
 * GPU's driver on Linux), then OpenGL ES (on a machine without a GPU: Mesa's llvmpipe, through EGL without a
 * display, offered by Dawn only at the 'compatibility' feature level). Throws one line naming what was tried.
 */
export async function findWebGpuAdapter(
  createGpu: CreateGpu = dawnCreate,
  options: { apis?: WebGpuAdapterInfo['api'][] } = {},
): Promise<FoundAdapter> {
  const apis = options.apis ?? ['native', 'opengles'];
  const all: { api: WebGpuAdapterInfo['api']; flags: string[]; options: Record<string, unknown> }[] = [
    { api: 'native', flags: [], options: { powerPreference: 'high-performance' } },
    {
      api: 'opengles',
      flags: ['backend=opengles'],
      options: { powerPreference: 'high-performance', featureLevel: 'compatibility' },
    },
  ];
  const attempts = all.filter((attempt) => apis.includes(attempt.api));
  const failures: string[] = [];
  for (const attempt of attempts) {
    const label = attempt.api === 'native' ? 'Vulkan/native' : 'OpenGL ES';
    if (attempt.api === 'opengles') useHeadlessEgl();
    try {
      const gpu = await createGpu(attempt.flags);
      const adapter = await gpu.requestAdapter(attempt.options);
      if (adapter) return { gpu, adapter, info: describeAdapter(adapter, attempt.api) };
      failures.push(`${label}: no adapter`);
    } catch (error) {
      failures.push(`${label}: ${((error as Error).message ?? String(error)).split('\n')[0]}`);
    }
  }
  throw new Error(
    `no WebGPU adapter (${failures.join('; ')}); a GPU needs its Vulkan driver, a machine without one Mesa's EGL/GLES (apt-get install libegl1 libgles2 libegl-mesa0)`,
  );
}

export function describeAdapter(adapter: GPUAdapter, api: WebGpuAdapterInfo['api']): WebGpuAdapterInfo {
  const info = (adapter.info ?? {}) as Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean };
  const flagged = Boolean(
    info.isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter,
  );
  const names = [info.vendor, info.architecture, info.device, info.description].join(' ');
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    api,
    isFallbackAdapter: flagged,
    cpu: flagged || CPU_DEVICE.test(names),
  };
}

/** One line for logs: "llvmpipe (OpenGL ES 3.2 Mesa 22.3.6) via OpenGL ES, a CPU adapter". */
export function adapterSummary(info: WebGpuAdapterInfo): string {
  const name = [info.vendor, info.architecture, info.device].filter(Boolean).join(' ') || 'unnamed adapter';
  const via = info.api === 'opengles' ? 'OpenGL ES' : 'native API';
  return `${name}${info.description ? ` (${info.description})` : ''} via ${via}${info.cpu ? ', a CPU adapter' : ''}`;
}

/**
 * Linux only: whether the Vulkan loader (libvulkan.so.1, through which Dawn reaches a GPU) is absent, from the
 * dynamic linker's cache and LD_LIBRARY_PATH. Without it there is no GPU adapter to find, and asking Dawn would
 * print its warnings on every start of a CPU machine's worker.
 */
export function vulkanLoaderMissing(libraryPath = loadEnv().LD_LIBRARY_PATH ?? ''): boolean {
  if (process.platform !== 'linux') return false;
  const dirs = libraryPath.split(':').filter(Boolean);
  if (dirs.some((dir) => existsSync(path.join(dir, 'libvulkan.so.1')))) return false;
  try {
    return !readFileSync('/etc/ld.so.cache').includes('libvulkan.so.1');
  } catch {
    return false;
  }
}
