// Loads Prisma's schema engine compiled to wasm (@prisma/schema-engine-wasm). The package's own entry imports the
// .wasm file as an ES module, which Node cannot do, so we instantiate it by hand the way wasm-bindgen expects.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export type WasmSchemaEngine = Record<string, unknown> & { free(): void };

export interface SchemaEngineModule {
  version(): string;
  SchemaEngine: {
    new: (
      options: { datamodels: [string, string][] | undefined },
      log: (message: string) => void,
      adapterFactory: object,
    ) => Promise<WasmSchemaEngine>;
  };
}

/** The wasm engine reports Rust panics through this global; it must exist before the first call. */
export interface PanicRegistry {
  message: string;
  set_message(message: string): void;
}

declare global {
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

let loaded: Promise<SchemaEngineModule> | undefined;

interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>;
  RuntimeError: new (...args: never[]) => Error;
}

/** Node's WebAssembly global (the project's tsconfig has no DOM lib that would declare it). */
export function wasmApi(): WasmApi {
  return (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
}

export function getPanicRegistry(): PanicRegistry {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: '',
    set_message(message: string) {
      this.message = message;
    },
  };
  return globalThis.PRISMA_WASM_PANIC_REGISTRY;
}

async function instantiateEngine(): Promise<SchemaEngineModule> {
  getPanicRegistry();
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(path.join(packageDir, 'schema_engine_bg.wasm'));
  const { instance } = await wasmApi().instantiate(bytes, { './schema_engine_bg.js': bindings });
  const exports = instance.exports as Record<string, unknown>;
  (bindings as unknown as { __wbg_set_wasm(wasm: unknown): void }).__wbg_set_wasm(exports);
  if (typeof exports.__wbindgen_start === 'function') (exports.__wbindgen_start as () => void)();
  return bindings as unknown as SchemaEngineModule;
}

/** The engine module, instantiated once per process. */
export function loadSchemaEngineModule(): Promise<SchemaEngineModule> {
  loaded ??= instantiateEngine();
  return loaded;
}
