// Prisma's user-facing error codes for the failures the CLI explains to people (https://pris.ly/d/prisma-errors).

export interface EngineError {
  /** P1001 and friends; absent for errors Prisma has no code for. */
  errorCode?: string;
  message: string;
}

interface PgLikeError {
  code?: string;
  message?: string;
  address?: string;
  port?: number;
}

function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    return 'the database server';
  }
}

function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  } catch {
    return '';
  }
}

/** Maps an error from pg (or from the wasm engine, by its message) to Prisma's code and wording. */
export function toEngineError(error: unknown, url: string): EngineError {
  const pgError = (error ?? {}) as PgLikeError;
  const message = pgError.message ?? String(error);
  const server = describeServer(url);
  const socketCodes = ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN'];
  if (
    socketCodes.includes(pgError.code ?? '') ||
    /Can't reach database server|DatabaseNotReachable|Connection terminated unexpectedly|timeout expired/i.test(
      message,
    )
  ) {
    return {
      errorCode: 'P1001',
      message: `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`,
    };
  }
  if (pgError.code === '3D000' || /Database `.*` does not exist|DatabaseDoesNotExist/.test(message)) {
    return {
      errorCode: 'P1003',
      message: `Database \`${databaseName(url)}\` does not exist on the database server at \`${server}\`.`,
    };
  }
  if (pgError.code === '28P01' || pgError.code === '28000' || /Authentication failed/.test(message)) {
    return {
      errorCode: 'P1000',
      message: `Authentication failed against database server at \`${server}\`, the provided database credentials are not valid.`,
    };
  }
  if (pgError.code === '42P04' || /DatabaseAlreadyExists/.test(message)) {
    return {
      errorCode: 'P1009',
      message: `Database \`${databaseName(url)}\` already exists on the database server at \`${server}\``,
    };
  }
  return { message };
}

/**
 * One stderr log line as the CLI parses it: it drops the first stderr line of a one-shot command, then reads
 * `{level, target: "schema_engine::logger", fields: {message, error_code?}}` records.
 */
export function formatLogRecord(level: 'ERROR' | 'WARN' | 'INFO', error: EngineError): string {
  const fields: Record<string, string> = { message: error.message };
  if (error.errorCode) fields.error_code = error.errorCode;
  return JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields,
    target: 'schema_engine::logger',
  });
}
