import { type Logger, pino } from 'pino';

export type { Logger };

/** JSON lines in production, pretty in development. */
export function createLogger(options: { level: string; pretty: boolean }): Logger {
  return pino({
    level: options.level,
    base: { service: 'api' },
    redact: ['req.headers.authorization', 'password'],
    transport: options.pretty ? { target: 'pino-pretty', options: { colorize: true } } : undefined,
  });
}
