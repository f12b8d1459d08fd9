// Prisma connection URLs carry options pg does not know (`?schema=`); split them off before pg sees the URL.

export interface PgTarget {
  /** URL for pg, without Prisma-only parameters. */
  connectionString: string;
  /** The Postgres schema Prisma manages (`?schema=`, default public). */
  schema: string;
  database: string;
}

const prismaOnlyParams = ['schema', 'connection_limit', 'pool_timeout', 'pgbouncer', 'statement_cache_size'];

export function parsePgUrl(url: string): PgTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('the datasource URL is not a valid URL (expected postgresql://user:pass@host:port/db)');
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new Error(`the datasource URL must start with postgresql:// (got ${parsed.protocol}//)`);
  }
  const schema = parsed.searchParams.get('schema') ?? 'public';
  for (const name of prismaOnlyParams) parsed.searchParams.delete(name);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  return { connectionString: parsed.toString(), schema, database };
}

/** The same server and credentials, another database. */
export function withDatabase(target: PgTarget, database: string): PgTarget {
  const parsed = new URL(target.connectionString);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return { ...target, connectionString: parsed.toString(), database };
}

/** A URL safe to print: the password is masked. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid url>';
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
