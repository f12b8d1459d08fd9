import pg from 'pg';
import { AppError } from '../errors.js';

/**
 * Inserts rows table by table into a migrated, EMPTY database, with triggers and foreign-key checks off for the
 * session (the frozen-dataset triggers would refuse items of a frozen version; rows arrive in parent order anyway),
 * then moves every sequence past the restored ids.
 */
export function createDatabaseImporter(url: string) {
  const client = new pg.Client({ connectionString: url });
  const pending = new Map<string, Record<string, unknown>[]>();
  const flush = async (table: string) => {
    const rows = pending.get(table);
    if (!rows?.length) return;
    pending.set(table, []);
    await client.query(
      `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      [JSON.stringify(rows)],
    );
  };
  return {
    async open(tables: string[]) {
      await client.connect();
      for (const table of tables) {
        const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM "${table}") AS any`);
        if (rows[0].any)
          throw new AppError('CONFLICT', {
            message: `Table ${table} of the target database is not empty: restore only into an empty data folder or database.`,
          });
      }
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
    },
    async add(table: string, row: Record<string, unknown>) {
      const rows = pending.get(table) ?? [];
      rows.push(row);
      pending.set(table, rows);
      if (rows.length >= 500) await flush(table);
    },
    async finish() {
      for (const table of pending.keys()) await flush(table);
      const sequences = await client.query<{ table: string; column: string; sequence: string }>(
        `SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(format('%I', c.relname), a.attname) AS sequence
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
         WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
           AND pg_get_serial_sequence(format('%I', c.relname), a.attname) IS NOT NULL`,
      );
      for (const { table, column, sequence } of sequences.rows) {
        await client.query(
          `SELECT setval($1, COALESCE((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`,
          [sequence],
        );
      }
      await client.query('COMMIT');
    },
    async close() {
      await client.end().catch(() => {});
    },
  };
}
