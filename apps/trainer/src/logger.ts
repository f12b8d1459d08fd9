import pino from 'pino';

export function createLogger(options: { level: string; pretty: boolean }) {
  return pino({
    level: options.level,
    transport: options.pretty ? { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } : undefined,
  });
}

export type Logger = pino.Logger;
