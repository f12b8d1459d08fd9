import autocannon from 'autocannon';

export interface Target {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

/** One server's share of an interleaved run, in the shape cases-row.ts reads. */
export interface InterleavedResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
  mismatches: number;
  /** CPU ms per response during this target's turns, of its server's processes and of the database's. */
  cpuMsPerRequest?: { server: number; database: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/**
 * Runs `targets` in `rounds` rounds of `seconds / rounds` each, the order rotated every round (A B C, B C A, C A B),
 * so a change in this shared machine's load falls on all of them rather than on whichever runs last. Requests/s
 * is the responses over the time each target ran; p50 and p99 are over every response's latency.
 */
export async function runInterleaved(
  targets: Target[],
  options: {
    rounds: number;
    seconds: number;
    connections: number;
    verifyBody: (body: string) => boolean;
    /** CPU ms used so far by target `index`'s server and by the database, read before and after each turn. */
    readCpuMs?: (index: number) => { server: number; database: number };
  },
): Promise<InterleavedResult[]> {
  const totals = targets.map(() => ({
    latencies: [] as number[],
    seconds: 0,
    errors: 0,
    non2xx: 0,
    mismatches: 0,
    cpu: { server: 0, database: 0 },
  }));
  const duration = options.seconds / options.rounds;
  for (let round = 0; round < options.rounds; round += 1) {
    for (let step = 0; step < targets.length; step += 1) {
      const index = (round + step) % targets.length;
      const total = totals[index];
      const before = options.readCpuMs?.(index);
      const run = autocannon({
        ...targets[index],
        connections: options.connections,
        duration,
        verifyBody: options.verifyBody,
      });
      run.on('response', (_client, _status, _bytes, ms) => total.latencies.push(ms));
      const result = await run;
      const after = options.readCpuMs?.(index);
      if (before && after) {
        total.cpu.server += after.server - before.server;
        total.cpu.database += after.database - before.database;
      }
      total.seconds += result.duration;
      total.errors += result.errors;
      total.non2xx += result.non2xx;
      total.mismatches += result.mismatches;
    }
  }
  return totals.map((total) => {
    const sorted = total.latencies.sort((a, b) => a - b);
    return {
      requests: { average: sorted.length / total.seconds },
      latency: { p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)) },
      errors: total.errors,
      non2xx: total.non2xx,
      mismatches: total.mismatches,
      cpuMsPerRequest: options.readCpuMs
        ? {
            server: Number((total.cpu.server / sorted.length).toFixed(1)),
            database: Number((total.cpu.database / sorted.length).toFixed(1)),
          }
        : undefined,
    };
  });
}
