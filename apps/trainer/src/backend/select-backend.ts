import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import {
  adapterSummary,
  type CreateGpu,
  findWebGpuAdapter,
  vulkanLoaderMissing,
  type WebGpuAdapterInfo,
} from './webgpu-adapter.js';
import { installWebGpu } from './webgpu-backend.js';

/**
 * The names DERMINO_BACKEND accepts, fastest first; `tensorflow*` need libtensorflow (optional dependencies),
 * `webgpu` a WebGPU adapter from Dawn (chosen automatically only on a GPU, forced it also takes a CPU adapter).
 */
export const BACKEND_ORDER = ['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_ORDER)[number];

export interface SelectedBackend {
  choice: BackendChoice;
  /** The tfjs backend name now active ('tensorflow', 'webgpu', 'wasm', 'cpu'). */
  tfBackend: string;
  /** webgpu only: the adapter Dawn gave (vendor, architecture, whether it runs on the CPU). */
  adapter?: WebGpuAdapterInfo;
  /** Why each faster candidate was skipped. */
  skipped: { choice: BackendChoice; reason: string }[];
}

/**
 * npm installs tfjs-node without running its install script (.npmrc ignore-scripts), so the native binding may be
 * missing: refuse before importing it (a half-loaded tfjs-node registers its kernels and prints warnings).
 */
function requireNativeBinding(name: string): void {
  let lib: string;
  try {
    lib = path.join(path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), 'lib');
  } catch {
    throw new Error(`${name} is not installed`);
  }
  const built =
    existsSync(lib) && readdirSync(lib).some((dir) => existsSync(path.join(lib, dir, 'tfjs_binding.node')));
  if (!built)
    throw new Error(
      `${name} has no native binding (with internet: npm rebuild ${name} --ignore-scripts=false)`,
    );
}

interface LoadOptions {
  forced: boolean;
  /** Replaces Dawn's `create` (tests: a machine with no adapter). */
  createGpu?: CreateGpu;
}
type Loaded = { name: string; adapter?: WebGpuAdapterInfo };

// Package names are held in variables so bundlers and tsc do not insist the optional packages exist.
const loaders: Record<BackendChoice, (options: LoadOptions) => Promise<string | Loaded>> = {
  'tensorflow-gpu': async () => {
    const name = '@tensorflow/tfjs-node-gpu';
    requireNativeBinding(name);
    await import(name);
    return 'tensorflow';
  },
  webgpu: async ({ forced, createGpu }) => {
    // Chosen automatically only on a GPU, which Dawn reaches through its native API (Vulkan on Linux): without a
    // Vulkan loader it is not asked at all (the check is of the real machine, so not with an injected Dawn).
    if (!forced && !createGpu && vulkanLoaderMissing())
      throw new Error(
        'no Vulkan loader (libvulkan.so.1), so no GPU; DERMINO_BACKEND=webgpu tries a CPU adapter',
      );
    const found = await findWebGpuAdapter(createGpu, { apis: forced ? ['native', 'opengles'] : ['native'] });
    // A CPU adapter (llvmpipe, SwiftShader) runs tfjs far slower than wasm: only when asked for by name.
    if (found.info.cpu && !forced)
      throw new Error(
        `only a CPU adapter, slower than wasm (${adapterSummary(found.info)}); DERMINO_BACKEND=webgpu uses it`,
      );
    await installWebGpu(found);
    return { name: 'webgpu', adapter: found.info };
  },
  tensorflow: async () => {
    const name = '@tensorflow/tfjs-node';
    requireNativeBinding(name);
    await import(name);
    return 'tensorflow';
  },
  wasm: async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    return 'wasm';
  },
  cpu: async () => {
    await import('@tensorflow/tfjs-backend-cpu');
    return 'cpu';
  },
};

async function activate(choice: BackendChoice, options: LoadOptions): Promise<Loaded> {
  const loaded = await loaders[choice](options);
  const result = typeof loaded === 'string' ? { name: loaded } : loaded;
  if (!(await tf.setBackend(result.name))) throw new Error(`tf.setBackend('${result.name}') returned false`);
  await tf.ready();
  return result;
}

let selected: Promise<SelectedBackend> | null = null;

/**
 * Picks the first backend that loads (tfjs-node-gpu, webgpu on a GPU, tfjs-node, wasm, cpu), or exactly the forced
 * one (an error if it does not load), once per process, and logs the choice (with the adapter on webgpu).
 */
export function selectBackend(
  options: {
    forced?: BackendChoice;
    /** How the forced backend was asked for, for its error ("--backend webgpu"); default DERMINO_BACKEND=<name>. */
    askedBy?: string;
    log?: (message: string) => void;
    createGpu?: CreateGpu;
  } = {},
): Promise<SelectedBackend> {
  selected ??= (async () => {
    const candidates = options.forced ? [options.forced] : [...BACKEND_ORDER];
    const skipped: SelectedBackend['skipped'] = [];
    for (const choice of candidates) {
      try {
        const loaded = await activate(choice, {
          forced: Boolean(options.forced),
          createGpu: options.createGpu,
        });
        const result: SelectedBackend = {
          choice,
          tfBackend: loaded.name,
          skipped,
          ...(loaded.adapter ? { adapter: loaded.adapter } : {}),
        };
        options.log?.(describeBackend(result));
        return result;
      } catch (error) {
        const reason = ((error as Error).message ?? String(error)).split('\n')[0];
        if (options.forced)
          throw new Error(`${options.askedBy ?? `DERMINO_BACKEND=${choice}`} cannot be used: ${reason}`);
        skipped.push({ choice, reason });
      }
    }
    throw new Error(
      `No tfjs backend could be loaded: ${skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ')}`,
    );
  })();
  selected.catch(() => {
    selected = null;
  });
  return selected;
}

/** "tfjs backend: webgpu on <adapter> (skipped tensorflow-gpu: ...)": the line logged at selection. */
export function describeBackend(selected: SelectedBackend): string {
  const on = selected.adapter ? ` on ${adapterSummary(selected.adapter)}` : '';
  const skipped = selected.skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ');
  return `tfjs backend: ${selected.choice}${on}${skipped ? ` (skipped ${skipped})` : ''}`;
}
