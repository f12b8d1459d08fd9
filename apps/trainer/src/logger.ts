import pino from 'pino';

export function createLogger(options: { level: string; pretty: boolean }) {
  return pino({
    level: options.level,
    transport: options.pretty
      ? { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } }
      : undefined,
  });
}

export type Logger = pino.Logger;

/** LOG_FORMAT when set; otherwise pretty only outside production with a terminal on stdout. */
export function wantsPrettyLogs(options: {
  format?: 'json' | 'pretty';
  nodeEnv: string;
  isTTY: boolean;
}): boolean {
  if (options.format) return options.format === 'pretty';
  return options.nodeEnv !== 'production' && options.isTTY;
}
