export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One run of a supervised service: a child process, or the embedded database server. */
export interface RunningChild {
  pid: number | undefined;
  /** Settles when the run ends, whatever the reason. */
  exited: Promise<ExitStatus>;
  stop(): Promise<void>;
}

/**
 * Restart with exponential back-off: 1 s, 2 s, 4 s, 8 s, 16 s (at most `maxDelayMs`). A run that lasted
 * `stableAfterMs` clears the count; after `maxRestarts` restarts that each died sooner, the supervisor gives up.
 */
export interface RestartPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  maxRestarts: number;
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRestarts: 5,
  stableAfterMs: 60_000,
};

export interface SuperviseOptions {
  /** As it reads in a sentence: "the API", "the database". */
  name: string;
  /** Starts a new run (a restart). May throw: that counts as a run that died at once. */
  restart(): Promise<RunningChild>;
  /** Aborted when DermINO stops: a run that ends then is not restarted. */
  signal: AbortSignal;
  /** Until this resolves, an exit is a start failure (onStartFailure), not a crash to restart. */
  started?: Promise<unknown>;
  onStartFailure?(status: ExitStatus): void;
  onGiveUp(message: string): void;
  log(line: string): void;
  policy?: RestartPolicy;
  now?: () => number;
}

export interface Supervised {
  current(): RunningChild;
  restarts(): number;
  /** Stops supervising (no more restarts), then stops the current run. */
  stop(): Promise<void>;
}

export function describeExit(status: ExitStatus): string {
  return status.signal ? `signal ${status.signal}` : `code ${status.code}`;
}

/** Watches `first`; when a run ends while DermINO is not stopping, starts another after a back-off. */
export function supervise(first: RunningChild, options: SuperviseOptions): Supervised {
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  const now = options.now ?? Date.now;
  let child = first;
  let startedAt = now();
  let failures = 0;
  let total = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;
  let everStarted = options.started === undefined;
  options.started?.then(
    () => (everStarted = true),
    () => undefined,
  );
  const halted = () => stopped || options.signal.aborted;

  const onExit = (run: RunningChild, status: ExitStatus) => {
    if (halted() || run !== child) return;
    if (!everStarted) {
      options.onStartFailure?.(status);
      return;
    }
    if (now() - startedAt >= policy.stableAfterMs) failures = 0;
    scheduleRestart(
      `${options.name}${run.pid ? ` (pid ${run.pid})` : ''} exited unexpectedly (${describeExit(status)})`,
    );
  };

  const scheduleRestart = (what: string) => {
    failures++;
    if (failures > policy.maxRestarts) {
      options.onGiveUp(
        `${what}: ${failures} failures in a row, each within ${policy.stableAfterMs / 1000} s of a start; giving up.`,
      );
      return;
    }
    const delay = Math.min(policy.initialDelayMs * 2 ** (failures - 1), policy.maxDelayMs);
    options.log(`${what}; restart ${failures} of ${policy.maxRestarts} in ${delay / 1000} s.`);
    timer = setTimeout(() => {
      restarting = restart();
    }, delay);
  };

  const restart = async () => {
    if (halted()) return;
    const attemptAt = now();
    let next: RunningChild;
    try {
      next = await options.restart();
    } catch (error) {
      if (!halted()) scheduleRestart(`${options.name} could not be restarted (${(error as Error).message})`);
      return;
    }
    child = next;
    startedAt = attemptAt;
    total++;
    if (halted()) return;
    options.log(`${options.name} restarted${next.pid ? ` (pid ${next.pid})` : ''}.`);
    watch(next);
  };

  const watch = (run: RunningChild) => {
    run.exited.then((status) => onExit(run, status));
  };
  watch(first);

  return {
    current: () => child,
    restarts: () => total,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await restarting;
      await child.stop();
    },
  };
}
