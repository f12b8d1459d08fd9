// autocannon ships no types; the part bench/run.ts uses.
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
  }
  export default function autocannon(options: Options): Promise<Result>;
}
