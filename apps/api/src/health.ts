import { type DbClient, getMeta } from '@dermino/db';

export interface HealthReport {
  ok: boolean;
  /** "ok", or why the database cannot be reached. */
  database: string;
  version: string;
}

export async function checkHealth(db: DbClient, version: string): Promise<HealthReport> {
  try {
    // Any query through the pool proves the database answers.
    await getMeta(db, 'schema');
    return { ok: true, database: 'ok', version };
  } catch (error) {
    // Prisma's message starts with the invocation; its last line is the reason.
    const reason = String((error as Error).message)
      .trim()
      .split('\n')
      .at(-1);
    return { ok: false, database: `unavailable: ${reason}`, version };
  }
}
