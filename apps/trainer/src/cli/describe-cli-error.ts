import { isAppError } from '@dermino/db';

/**
 * One line for a failed command: what failed and what to do. Prisma's messages start with the invocation and a
 * code frame; their last line is the reason. The whole error (stack, causes) is printed only under --debug.
 */
export function describeCliError(error: unknown): string {
  if (isAppError(error)) return error.message;
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const lines = error.message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const reason = lines.at(-1) ?? error.name;
  if (code === 'P1001' || code === 'ECONNREFUSED')
    return `${reason}: is the platform running (npm start), and is DATABASE_URL right?`;
  return reason;
}

/** `--debug` anywhere on the command line, and the arguments without it. */
export function takeDebugFlag(argv: string[]): { debug: boolean; argv: string[] } {
  return { debug: argv.includes('--debug'), argv: argv.filter((arg) => arg !== '--debug') };
}
