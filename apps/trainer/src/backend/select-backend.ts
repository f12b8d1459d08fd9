import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

/** The names DERMINO_BACKEND accepts, fastest first; `tensorflow*` need libtensorflow (optional dependencies). */
export const BACKEND_ORDER = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_ORDER)[number];

export interface SelectedBackend {
  choice: BackendChoice;
  /** The tfjs backend name now active ('tensorflow', 'wasm', 'cpu'). */
  tfBackend: string;
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
  const built = existsSync(lib) && readdirSync(lib).some((dir) => existsSync(path.join(lib, dir, 'tfjs_binding.node')));
  if (!built)
    throw new Error(`${name} has no native binding (with internet: npm rebuild ${name} --ignore-scripts=false)`);
}

// Package names are held in variables so bundlers and tsc do not insist the optional packages exist.
const loaders: Record<BackendChoice, () => Promise<string>> = {
  'tensorflow-gpu': async () => {
    const name = '@tensorflow/tfjs-node-gpu';
    requireNativeBinding(name);
    await import(name);
    return 'tensorflow';
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

async function activate(choice: BackendChoice): Promise<string> {
  const name = await loaders[choice]();
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') returned false`);
  await tf.ready();
  return name;
}

let selected: Promise<SelectedBackend> | null = null;

/**
 * Picks the first backend that loads (tfjs-node-gpu, tfjs-node, wasm, cpu), or exactly the forced one (an error if
 * it does not load), once per process, and logs the choice.
 */
export function selectBackend(options: { forced?: BackendChoice; log?: (message: string) => void } = {}): Promise<SelectedBackend> {
  selected ??= (async () => {
    const candidates = options.forced ? [options.forced] : [...BACKEND_ORDER];
    const skipped: SelectedBackend['skipped'] = [];
    for (const choice of candidates) {
      try {
        const tfBackend = await activate(choice);
        const result = { choice, tfBackend, skipped };
        options.log?.(`tfjs backend: ${choice}${skipped.length ? ` (skipped ${skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ')})` : ''}`);
        return result;
      } catch (error) {
        const reason = ((error as Error).message ?? String(error)).split('\n')[0];
        if (options.forced) throw new Error(`DERMINO_BACKEND=${choice} cannot be used: ${reason}`);
        skipped.push({ choice, reason });
      }
    }
    throw new Error(`No tfjs backend could be loaded: ${skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ')}`);
  })();
  selected.catch(() => {
    selected = null;
  });
  return selected;
}
