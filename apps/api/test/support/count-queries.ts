import pg from 'pg';

/**
 * Counts the SQL statements this process sends while `run` runs, at the pg driver (under Prisma's adapter), so
 * relation loads Prisma splits into several statements count as several. Only this test file's process is seen.
 */
export async function countQueries<T>(
  run: () => Promise<T>,
): Promise<{ result: T; queries: number; statements: string[] }> {
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    statements.push(typeof config === 'string' ? config : (config?.text ?? '?'));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    const result = await run();
    return { result, queries: statements.length, statements };
  } finally {
    pg.Client.prototype.query = original;
  }
}
