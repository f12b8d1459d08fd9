import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Db = PrismaClient;
/** A client or an interactive transaction: every data-access function accepts either. */
export type DbClient = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface CreateDbOptions {
  url: string;
  /** Pool size; the embedded server serialises queries anyway, so small is fine. */
  max?: number;
}

// The pg pool each client's adapter opens on connect, for pool metrics (getPoolStats).
const pools = new WeakMap<Db, pg.Pool>();

export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

export function createDb(options: CreateDbOptions): Db {
  const adapter = new PrismaPg({ connectionString: options.url, max: options.max ?? 5 });
  const connect = adapter.connect.bind(adapter);
  const db = new PrismaClient({ adapter });
  adapter.connect = async () => {
    const connected = await connect();
    pools.set(db, connected.underlyingDriver());
    return connected;
  };
  return db;
}

export { Prisma } from '../generated/prisma/client.js';
export * from '../generated/prisma/enums.js';

/**
 * Refreshes the planner's statistics of every table after a bulk load (a seed, an import). The embedded PGlite
 * has no autovacuum, so without this its planner keeps the row counts of an empty database and picks full scans.
 */
export async function refreshStatistics(db: DbClient): Promise<void> {
  await db.$executeRawUnsafe('ANALYZE');
}
