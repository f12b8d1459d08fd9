import { isAppError, Prisma } from '@dermino/db';
import type { Logger } from '../logger.js';

const CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);

/** A query error (a constraint, a missing row) will not go away by waiting; a lost connection may. */
export function mayBeDatabaseOutage(error: unknown): boolean {
  if (isAppError(error)) return false;
  if (error instanceof Prisma.PrismaClientKnownRequestError) return CONNECTION_CODES.has(error.code);
  return !(error instanceof Prisma.PrismaClientValidationError);
}

/** The database went away (not merely may have): a lost connection, by Prisma's code or the driver's words. */
export function isDatabaseOutage(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) return CONNECTION_CODES.has(error.code);
  return /Can't reach database server|Connection terminated|ECONNREFUSED|ECONNRESET|closed the connection/i.test(
    String((error as Error)?.message ?? ''),
  );
}

/**
 * Runs a write that must not be lost (a job's outcome) and, while the database is unreachable (restarting after a
 * crash), tries again every few seconds for up to `timeoutMs`; then throws the last error.
 */
export async function whenDatabaseAnswers<T>(
  write: () => Promise<T>,
  options: { logger: Logger; what: string; timeoutMs?: number },
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await write();
      if (attempt > 0) options.logger.info(`the database answers again: ${options.what} recorded`);
      return result;
    } catch (error) {
      if (!mayBeDatabaseOutage(error) || Date.now() > deadline) throw error;
      if (attempt === 0)
        options.logger.warn(
          `database unavailable (${oneLine(error)}): waiting for it to record ${options.what}`,
        );
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 5000)));
    }
  }
}

/** Prisma's messages start with the invocation; their last line is the reason. */
export function oneLine(error: unknown): string {
  return (
    String((error as Error)?.message ?? error)
      .trim()
      .split('\n')
      .at(-1) ?? ''
  );
}
