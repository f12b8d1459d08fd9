import { readFile } from 'node:fs/promises';
import { loadSchemaEngineModule, type WasmSchemaEngine } from './load-wasm-engine.js';
import {
  type AdapterFactoryHooks,
  createAdapterFactory,
  type EngineDatasource,
} from './pg-adapter-factory.js';

type ErrorRegistry = { consumeError(id: number): { error: unknown } | undefined };

/**
 * The engine reports an error thrown by the adapter (ours included) only as "External error id#N", the index of
 * the error in the factory's registry: put the original message in its place.
 */
function explainExternalErrors(error: unknown, registry: ErrorRegistry): unknown {
  if (!(error instanceof Error)) return error;
  error.message = error.message.replace(/External error id#(\d+)/g, (text, id: string) => {
    const original = registry.consumeError(Number(id))?.error;
    return original instanceof Error ? original.message : original ? String(original) : text;
  });
  return error;
}

/**
 * A wasm engine over the schema files and the datasource. It connects at once, so a server that is down fails
 * here (with the engine's "Can't reach database server" message).
 */
export async function createWasmEngine(
  datamodelPaths: string[],
  datasource: EngineDatasource,
  log: (line: string) => void,
  hooks: AdapterFactoryHooks = {},
): Promise<WasmSchemaEngine> {
  const module = await loadSchemaEngineModule();
  const datamodels = await Promise.all(
    datamodelPaths.map(async (file): Promise<[string, string]> => [file, await readFile(file, 'utf8')]),
  );
  // The engine's log records already have the shape the CLI reads from stderr.
  const forwardLog = (record: string) => log(typeof record === 'string' ? record : JSON.stringify(record));
  const factory = createAdapterFactory(datasource, hooks);
  const registry = factory.errorRegistry as unknown as ErrorRegistry;
  const engine = await module.SchemaEngine.new(
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    forwardLog,
    factory,
  ).catch((error) => {
    throw explainExternalErrors(error, registry);
  });
  return new Proxy(engine, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      // wasm-bindgen's own methods (free, __destroy_into_raw) must run on the real object, synchronously.
      if (typeof key !== 'string' || key === 'free' || key.startsWith('_')) return value.bind(target);
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          throw explainExternalErrors(error, registry);
        }
      };
    },
  });
}
