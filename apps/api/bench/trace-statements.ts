import pg from 'pg';

export interface StatementTiming {
  text: string;
  count: number;
  /** From sending to the result, as the pg driver sees it (includes waiting for the one-at-a-time server). */
  meanMs: number;
}

/** Times every SQL statement this process sends through pg until stop() (Prisma's adapter uses a pg.Pool). */
export function traceStatements(): { stop(): StatementTiming[] } {
  const timings = new Map<string, number[]>();
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    const text = (typeof config === 'string' ? config : (config?.text ?? '?')).replace(/\s+/g, ' ').trim();
    const started = performance.now();
    const record = () => {
      const list = timings.get(text) ?? [];
      list.push(performance.now() - started);
      timings.set(text, list);
    };
    // pg.Pool#query passes a callback; a direct client.query returns a promise.
    const callbackAt = args.findIndex((arg) => typeof arg === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (...a: unknown[]) => void;
      args[callbackAt] = (...a: unknown[]) => {
        record();
        callback(...a);
      };
    }
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (callbackAt < 0 && result instanceof Promise) result.then(record, () => {});
    return result;
  } as typeof original;
  return {
    stop() {
      pg.Client.prototype.query = original;
      return [...timings].map(([text, list]) => ({
        text,
        count: list.length,
        meanMs: list.reduce((sum, ms) => sum + ms, 0) / list.length,
      }));
    },
  };
}
