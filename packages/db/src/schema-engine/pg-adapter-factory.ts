// The driver-adapter factory the wasm schema engine talks to the database through: @prisma/adapter-pg, with the
// three fixes the engine needs (see README.md, "Traps").
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { type PgTarget, parsePgUrl, quoteIdent, withDatabase } from './datasource-url.js';

const charOid = 18; // the catalog type "char" (pg_class.relkind and friends)
const textOid = 25;

export interface EngineDatasource {
  url: string;
  shadowDatabaseUrl?: string;
}

type PgAdapter = SqlDriverAdapter & { underlyingDriver(): pg.Pool };
type PgResult = { fields: { dataTypeID: number }[]; rows: unknown[] };
/** adapter-pg's private methods, replaced below. */
type PatchableAdapter = PgAdapter & {
  performIO(query: unknown): Promise<PgResult>;
  onError(error: unknown): never;
};

/**
 * adapter-pg rejects "char" columns, which the engine's introspection queries return: read them as text and
 * report them as Character. Its executeScript splits on every `;` (breaking `$$` bodies): send the script whole,
 * as the native engine does, in one simple-protocol query.
 */
function patchAdapter(adapter: PgAdapter): PgAdapter {
  const patchable = adapter as unknown as PatchableAdapter;
  const charColumnsByRows = new WeakMap<unknown[], number[]>();
  const performIO = patchable.performIO.bind(patchable);
  const queryRaw = patchable.queryRaw.bind(patchable);
  patchable.performIO = async (query: unknown) => {
    const result = await performIO(query);
    const charColumns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== charOid) return;
      field.dataTypeID = textOid;
      charColumns.push(index);
    });
    if (charColumns.length > 0) charColumnsByRows.set(result.rows, charColumns);
    return result;
  };
  patchable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsByRows.get(result.rows as unknown[]) ?? [])
      result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  patchable.executeScript = async (script: string) => {
    const pool = patchable.underlyingDriver();
    try {
      await pool.query(script);
    } catch (error) {
      patchable.onError(error);
    }
  };
  return adapter;
}

async function connectTarget(target: PgTarget, onDispose?: () => Promise<void>): Promise<PgAdapter> {
  const factory = new PrismaPg({ connectionString: target.connectionString }, { schema: target.schema });
  const adapter = patchAdapter((await factory.connect()) as unknown as PgAdapter);
  if (onDispose) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await onDispose();
    };
  }
  return adapter;
}

/** Runs one statement on a short-lived connection (for CREATE/DROP DATABASE, which cannot run in a pool tx). */
export async function runAdminStatement(target: PgTarget, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: target.connectionString });
  client.on('error', () => undefined); // a lost connection fails the query below instead of crashing the process
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An emptied configured shadow database: the engine expects to start from nothing. */
async function connectConfiguredShadow(url: string): Promise<PgAdapter> {
  const target = parsePgUrl(url);
  const schema = quoteIdent(target.schema);
  await runAdminStatement(target, `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
  return connectTarget(target);
}

/** A fresh database on the main server, dropped (WITH FORCE) after its pool is closed. */
async function connectTemporaryShadow(main: PgTarget): Promise<PgAdapter> {
  const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replaceAll('-', '')}`;
  await runAdminStatement(main, `CREATE DATABASE ${quoteIdent(name)}`);
  const shadow = withDatabase(main, name);
  const dropShadow = async () => {
    await runAdminStatement(main, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  };
  const { rows } = await runAdminStatement(shadow, 'SELECT current_database() AS name');
  if (rows[0]?.name !== name) {
    // PGlite behind the embedded wire server serves one database whatever the name: migrating it would hit the main data.
    await dropShadow().catch(() => undefined);
    throw new Error(
      'this server ignores the database name (PGlite?), so it cannot host a shadow database: ' +
        'set shadowDatabaseUrl (SHADOW_DATABASE_URL) to a second, disposable server',
    );
  }
  return connectTarget(shadow, dropShadow);
}

export interface AdapterFactoryHooks {
  /** Called as a shadow database is closed, with the extensions the migrations left in it. */
  onShadowExtensions?: (names: string[]) => void;
}

/** Reads the shadow's extensions just before it is closed (see schema-extensions.ts for why). */
function reportExtensionsOnDispose(adapter: PgAdapter, report: (names: string[]) => void): PgAdapter {
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    const pool = adapter.underlyingDriver();
    const { rows } = await pool.query<{ extname: string }>('SELECT extname FROM pg_extension');
    report(rows.map((row) => row.extname));
    await dispose();
  };
  return adapter;
}

export function createAdapterFactory(datasource: EngineDatasource, hooks: AdapterFactoryHooks = {}) {
  const main = parsePgUrl(datasource.url);
  const connectShadow = () =>
    datasource.shadowDatabaseUrl
      ? connectConfiguredShadow(datasource.shadowDatabaseUrl)
      : connectTemporaryShadow(main);
  const factory = {
    provider: 'postgres' as const,
    adapterName: '@prisma/adapter-pg',
    connect: () => connectTarget(main),
    connectToShadowDb: async () => {
      const adapter = await connectShadow();
      return hooks.onShadowExtensions
        ? reportExtensionsOnDispose(adapter, hooks.onShadowExtensions)
        : adapter;
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory satisfies SqlMigrationAwareDriverAdapterFactory);
}
