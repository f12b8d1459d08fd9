import { describe, expect, it } from 'vitest';
import { type ExitStatus, type RestartPolicy, type RunningChild, supervise } from './supervisor.js';

interface FakeChild extends RunningChild {
  crash(signal?: NodeJS.Signals): void;
  stopped: boolean;
}

let nextPid = 100;
function fakeChild(): FakeChild {
  let exit: (status: ExitStatus) => void = () => {};
  const child: FakeChild = {
    pid: nextPid++,
    exited: new Promise((resolve) => (exit = resolve)),
    stopped: false,
    crash: (signal = 'SIGKILL') => exit({ code: null, signal }),
    async stop() {
      child.stopped = true;
      exit({ code: 0, signal: null });
    },
  };
  return child;
}

const fast: RestartPolicy = { initialDelayMs: 20, maxDelayMs: 50, maxRestarts: 3, stableAfterMs: 60_000 };
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function harness(options: { policy?: RestartPolicy; started?: Promise<unknown>; failStarts?: number } = {}) {
  nextPid = 100;
  const lines: string[] = [];
  const gaveUp: string[] = [];
  const startFailures: ExitStatus[] = [];
  const runs: FakeChild[] = [fakeChild()];
  let clock = 0;
  let failStarts = options.failStarts ?? 0;
  const abort = new AbortController();
  const supervised = supervise(runs[0], {
    name: 'the worker',
    async restart() {
      if (failStarts-- > 0) throw new Error('port 5 in use');
      const child = fakeChild();
      runs.push(child);
      return child;
    },
    signal: abort.signal,
    started: options.started,
    onStartFailure: (status) => startFailures.push(status),
    onGiveUp: (message) => gaveUp.push(message),
    log: (line) => lines.push(line),
    policy: options.policy ?? fast,
    now: () => clock,
  });
  return { lines, gaveUp, startFailures, runs, abort, supervised, advance: (ms: number) => (clock += ms) };
}

describe('supervise', () => {
  it('restarts a child that dies, with doubling delays up to the cap, one line per event, then gives up', async () => {
    const h = harness();
    for (let crash = 0; crash < 3; crash++) {
      h.runs.at(-1)?.crash();
      await expect.poll(() => h.runs.length, { timeout: 2000, interval: 5 }).toBe(crash + 2);
    }
    expect(h.lines).toEqual([
      'the worker (pid 100) exited unexpectedly (signal SIGKILL); restart 1 of 3 in 0.02 s.',
      'the worker restarted (pid 101).',
      'the worker (pid 101) exited unexpectedly (signal SIGKILL); restart 2 of 3 in 0.04 s.',
      'the worker restarted (pid 102).',
      'the worker (pid 102) exited unexpectedly (signal SIGKILL); restart 3 of 3 in 0.05 s.',
      'the worker restarted (pid 103).',
    ]);
    expect(h.gaveUp).toEqual([]);
    h.runs.at(-1)?.crash('SIGSEGV');
    await expect.poll(() => h.gaveUp.length, { timeout: 2000, interval: 5 }).toBe(1);
    expect(h.gaveUp[0]).toBe(
      'the worker (pid 103) exited unexpectedly (signal SIGSEGV): 4 failures in a row, each within 60 s of a start; giving up.',
    );
    await tick(120);
    expect(h.runs).toHaveLength(4);
  });

  it('starts counting again after a run that lasted stableAfterMs', async () => {
    const h = harness();
    h.runs[0].crash();
    await expect.poll(() => h.runs.length, { timeout: 2000, interval: 5 }).toBe(2);
    h.advance(60_000);
    h.runs[1].crash();
    await expect.poll(() => h.runs.length, { timeout: 2000, interval: 5 }).toBe(3);
    expect(h.lines.at(-2)).toMatch(/restart 1 of 3 in 0.02 s/);
  });

  it('restarts nothing once DermINO stops: an exit then is expected', async () => {
    const h = harness();
    h.abort.abort();
    h.runs[0].crash('SIGTERM');
    await tick(80);
    expect(h.runs).toHaveLength(1);
    expect(h.lines).toEqual([]);
  });

  it('stop() cancels a pending restart and stops the current run', async () => {
    const h = harness({ policy: { ...fast, initialDelayMs: 50 } });
    h.runs[0].crash();
    await tick(5);
    await h.supervised.stop();
    await tick(100);
    expect(h.runs).toHaveLength(1);
    const second = harness();
    await second.supervised.stop();
    expect(second.runs[0].stopped).toBe(true);
    await tick(60);
    expect(second.runs).toHaveLength(1);
  });

  it('calls an exit before the service first answered a start failure, and does not restart it', async () => {
    const h = harness({ started: new Promise(() => {}) });
    h.runs[0].crash();
    await tick(60);
    expect(h.startFailures).toEqual([{ code: null, signal: 'SIGKILL' }]);
    expect(h.runs).toHaveLength(1);
  });

  it('counts a restart that fails as a failure and tries again later', async () => {
    const h = harness({ failStarts: 1 });
    h.runs[0].crash();
    await expect.poll(() => h.runs.length, { timeout: 2000, interval: 5 }).toBe(2);
    expect(h.lines).toEqual([
      'the worker (pid 100) exited unexpectedly (signal SIGKILL); restart 1 of 3 in 0.02 s.',
      'the worker could not be restarted (port 5 in use); restart 2 of 3 in 0.04 s.',
      'the worker restarted (pid 101).',
    ]);
  });
});
