// autocannon ships no types; the part bench/cases.ts and bench/interleave.ts use.
declare module 'autocannon' {
  interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    duration?: number;
    /** Called with every response body; a false answer counts as a mismatch. */
    verifyBody?: (body: string) => boolean;
  }
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    non2xx: number;
    mismatches: number;
    /** Seconds the run lasted. */
    duration: number;
  }
  /** The run: a promise of its result, and an emitter of every response (latency in ms). */
  interface Instance extends Promise<Result> {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void,
    ): this;
  }
  export default function autocannon(options: Options): Instance;
}
