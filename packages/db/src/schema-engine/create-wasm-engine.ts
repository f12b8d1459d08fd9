import { readFile } from 'node:fs/promises';
import { loadSchemaEngineModule, type WasmSchemaEngine } from './load-wasm-engine.js';
import { type AdapterFactoryHooks, createAdapterFactory, type EngineDatasource } from './pg-adapter-factory.js';

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
  return module.SchemaEngine.new(
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    forwardLog,
    createAdapterFactory(datasource, hooks),
  );
}
