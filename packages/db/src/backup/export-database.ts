import pg from 'pg';
import { AppError } from '../errors.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from './backup-format.js';

const BATCH = 500;

/** Tables of the public schema, parents before children (foreign keys), without Prisma's migration table. */
export async function listTablesInOrder(client: pg.Client): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`,
    )
  ).rows.map((row) => row.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT cc.relname AS child, pc.relname AS parent FROM pg_constraint k
       JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cc.relnamespace WHERE k.contype = 'f' AND n.nspname = 'public'`,
    )
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const edge of edges) if (edge.child === table && edge.parent !== table) visit(edge.parent);
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/**
 * Writes every row of the database, read in ONE repeatable-read snapshot (consistent while the platform writes),
 * as backup lines: the header, then each table's rows (row_to_json, so every type round-trips through its text
 * form: vectors, bytea, enums, JSON). Returns the row count per table.
 */
export async function exportDatabase(
  url: string,
  write: (line: unknown) => Promise<void>,
): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((error: Error) => {
    throw new AppError('DATABASE_UNAVAILABLE', {
      message: `Cannot connect to the database: ${error.message}`,
    });
  });
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (
      await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM _prisma_migrations
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`,
      )
    ).rows.map((row) => row.name);
    const tables = await listTablesInOrder(client);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      tables,
    };
    await write(header);
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table] = 0;
      await client.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM "${table}" t`,
      );
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`FETCH ${BATCH} FROM backup_rows`);
        for (const row of rows) await write({ table, row: JSON.parse(row.j) });
        counts[table] += rows.length;
        if (rows.length < BATCH) break;
      }
      await client.query('CLOSE backup_rows');
    }
    await client.query('COMMIT');
    return counts;
  } finally {
    await client.end();
  }
}
