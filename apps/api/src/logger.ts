import { type Logger, pino } from 'pino';

export type { Logger };

/** JSON lines, or pino-pretty's coloured lines when asked for (LOG_FORMAT=pretty; env.ts settles the default). */
export function createLogger(options: { level: string; pretty: boolean }): Logger {
  return pino({
    level: options.level,
    base: { service: 'api' },
    redact: ['req.headers.authorization', 'password'],
    transport: options.pretty ? { target: 'pino-pretty', options: { colorize: true } } : undefined,
  });
}

/** LOG_FORMAT when set; otherwise pretty only in development with a terminal on stdout. */
export function wantsPrettyLogs(options: {
  format?: 'json' | 'pretty';
  nodeEnv: string;
  isTTY: boolean;
}): boolean {
  if (options.format) return options.format === 'pretty';
  return options.nodeEnv === 'development' && options.isTTY;
}
