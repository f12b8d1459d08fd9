// Applies the extension workaround of schema-extensions.ts around the engine calls that compare a schema with a
// database described without the preview features: a shadow database built from the migrations, or (db push)
// the main database.
import type { WasmSchemaEngine } from './load-wasm-engine.js';
import { stripExtensionsFromParams } from './schema-extensions.js';

type Params = Record<string, unknown>;
type CallEngine = (engine: WasmSchemaEngine, method: string, params: Params) => Promise<unknown>;

interface MigrationList {
  migrationDirectories: unknown[];
  shadowDbInitScript?: string;
}

/** The migrations a request builds its shadow database from, if any. */
function migrationsOf(method: string, params: Params): MigrationList | undefined {
  if (method === 'diff') {
    for (const side of [params.from, params.to] as ({ tag?: string } & MigrationList)[]) {
      if (side?.tag === 'migrations') return side;
    }
    return undefined;
  }
  return params.migrationsList as MigrationList | undefined;
}

const comparesWithSchema = new Set(['createMigration', 'evaluateDataLoss', 'diff']);

export function createShadowExtensionFix(
  callEngine: CallEngine,
  listMainExtensions: () => Promise<string[]>,
) {
  let reported: string[] | undefined;
  const extensionsByHistory = new Map<string, ReadonlySet<string>>();

  const recordReported = (key: string) => {
    if (reported) extensionsByHistory.set(key, new Set(reported));
    reported = undefined;
  };

  /** Runs the migrations on a shadow database once, only to learn which extensions they create. */
  const learnExtensions = async (
    engine: WasmSchemaEngine,
    method: string,
    params: Params,
    list: MigrationList,
  ) => {
    const filters = params.filters ?? { externalTables: [], externalEnums: [] };
    if (method === 'diff') {
      const from = { tag: 'migrations', ...list };
      await callEngine(engine, 'diff', { from, to: { tag: 'empty' }, script: true, exitCode: null, filters });
    } else {
      // Also fills the engine's migration cache that createMigration and evaluateDataLoss read.
      await callEngine(engine, 'devDiagnostic', { migrationsList: list, filters });
    }
  };

  return {
    /** Hook for the adapter factory: the extensions of a shadow database as it closes. */
    onShadowExtensions(names: string[]) {
      reported = names;
    },

    async call(engine: WasmSchemaEngine, method: string, params: Params): Promise<unknown> {
      if (method === 'schemaPush') {
        return callEngine(
          engine,
          method,
          stripExtensionsFromParams(params, new Set(await listMainExtensions())),
        );
      }
      const list = migrationsOf(method, params);
      if (!list) return callEngine(engine, method, params);
      const key = JSON.stringify([list.migrationDirectories, list.shadowDbInitScript ?? '']);
      if (comparesWithSchema.has(method) && !extensionsByHistory.has(key)) {
        reported = undefined;
        await learnExtensions(engine, method, params, list);
        recordReported(key);
      }
      const known = extensionsByHistory.get(key);
      const fixedParams =
        known && comparesWithSchema.has(method) ? stripExtensionsFromParams(params, known) : params;
      reported = undefined;
      const result = await callEngine(engine, method, fixedParams);
      recordReported(key);
      return result;
    },
  };
}
