// What the native engine does without the wasm engine: the one-shot `cli` commands and the RPC methods the wasm
// build lacks. Plain pg, so a missing database or server surfaces as the pg error toEngineError maps.
import pg from 'pg';
import { parsePgUrl, quoteIdent, withDatabase } from './datasource-url.js';
import { runAdminStatement } from './pg-adapter-factory.js';

const connectTimeoutMillis = 10_000;

async function withClient<T>(connectionString: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: connectTimeoutMillis });
  // An error event after connect (server gone) would otherwise crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Connects to the database itself: fails with 3D000 (P1003) when the server is up but the database is not. */
export async function canConnectToDatabase(url: string): Promise<void> {
  await withClient(parsePgUrl(url).connectionString, (client) => client.query('SELECT 1'));
}

/** The server's maintenance database, where CREATE/DROP DATABASE run. */
function maintenanceTarget(url: string) {
  return withDatabase(parsePgUrl(url), 'postgres');
}

export async function createDatabase(url: string): Promise<{ databaseName: string }> {
  const { database } = parsePgUrl(url);
  await runAdminStatement(maintenanceTarget(url), `CREATE DATABASE ${quoteIdent(database)}`);
  return { databaseName: database };
}

export async function dropDatabase(url: string): Promise<void> {
  const { database } = parsePgUrl(url);
  if (database === 'postgres') throw new Error('refusing to drop the maintenance database "postgres"');
  await runAdminStatement(maintenanceTarget(url), `DROP DATABASE ${quoteIdent(database)} WITH (FORCE)`);
}

export async function getDatabaseVersion(url: string): Promise<string> {
  return withClient(parsePgUrl(url).connectionString, async (client) => {
    const { rows } = await client.query('SELECT version() AS version');
    return String(rows[0].version);
  });
}

/** The extensions installed in the database. */
export async function listExtensions(url: string): Promise<string[]> {
  return withClient(parsePgUrl(url).connectionString, async (client) => {
    const { rows } = await client.query<{ extname: string }>('SELECT extname FROM pg_extension');
    return rows.map((row) => row.extname);
  });
}
