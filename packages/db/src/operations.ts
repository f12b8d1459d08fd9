import type { Db, DbClient } from './client.js';
import { poolOf } from './client.js';
import { listLocalMigrations } from './migrate.js';

export interface MigrationStatus {
  /** In prisma/migrations, not applied to this database. */
  pending: string[];
  /** Applied to this database, unknown to this code (a newer version wrote it). */
  unknown: string[];
}

/** Whether this database's schema is the one this code was built for (readiness checks). */
export async function findMigrationStatus(db: DbClient): Promise<MigrationStatus> {
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((row) => row.migration_name));
  const local = listLocalMigrations();
  const known = new Set(local);
  return {
    pending: local.filter((name) => !applied.has(name)),
    unknown: [...applied].filter((name) => !known.has(name)).sort(),
  };
}

export interface PoolStats {
  /** Connections open (idle or in use). */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
  max: number;
}

/** The client's connection pool, or null before its first query. */
export function getPoolStats(db: Db): PoolStats | null {
  const pool = poolOf(db);
  if (!pool) return null;
  return {
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  };
}

export interface JobCount {
  kind: string;
  status: string;
  count: number;
}

/** Jobs by kind and status (the queue's depth). */
export async function countJobsByKindAndStatus(db: DbClient): Promise<JobCount[]> {
  const groups = await db.job.groupBy({ by: ['kind', 'status'], _count: { _all: true } });
  return groups.map((group) => ({ kind: group.kind, status: group.status, count: group._count._all }));
}

export interface JobDurationTotal {
  kind: string;
  status: string;
  count: number;
  /** Sum of finishedAt - startedAt over the finished jobs. */
  seconds: number;
}

/** Finished jobs and their total run time, by kind and final status. */
export async function sumJobDurations(db: DbClient): Promise<JobDurationTotal[]> {
  const rows = await db.$queryRaw<{ kind: string; status: string; count: bigint; seconds: number | null }[]>`
    SELECT kind::text AS kind, status::text AS status, count(*) AS count,
           sum(extract(epoch FROM ("finishedAt" - "startedAt")))::float8 AS seconds
    FROM "Job" WHERE "finishedAt" IS NOT NULL AND "startedAt" IS NOT NULL
    GROUP BY kind, status`;
  return rows.map((row) => ({
    kind: row.kind,
    status: row.status,
    count: Number(row.count),
    seconds: row.seconds ?? 0,
  }));
}
