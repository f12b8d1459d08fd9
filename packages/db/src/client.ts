import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Db = PrismaClient;
/** A client or an interactive transaction: every data-access function accepts either. */
export type DbClient = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface CreateDbOptions {
  url: string;
  /** Pool size; the embedded server serialises queries anyway, so small is fine. */
  max?: number;
}

export function createDb(options: CreateDbOptions): Db {
  const adapter = new PrismaPg({ connectionString: options.url, max: options.max ?? 5 });
  return new PrismaClient({ adapter });
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
