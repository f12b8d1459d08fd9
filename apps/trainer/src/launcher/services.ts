import { createRequire } from 'node:module';
import path from 'node:path';
import type { Env } from '../env.js';
import { type ManagedChild, spawnService, waitForHttp } from './children.js';
import { apiDir, trainerDir, webBuildIsCurrent, webDir } from './paths.js';
import { type ExitStatus, type RestartPolicy, supervise } from './supervisor.js';

// A child killed by a signal has no exit code, only a signal code.
const isRunning = (child: ManagedChild) =>
  child.process.exitCode === null && child.process.signalCode === null;
const nextBin = createRequire(path.join(webDir, 'package.json')).resolve('next/dist/bin/next');
const tsx = ['--import', 'tsx'];

/** The worker processes `dermino start` runs, and the job kinds each takes. */
export const WORKERS: [string, string][] = [
  ['trainer', 'pretrain,finetune'],
  ['worker', 'quality,evaluate,embed,drift,audit'],
];

/** What `dermino start` hands its services: when it stops, where events go, what to do when one cannot go on. */
export interface Supervision {
  signal: AbortSignal;
  log(line: string): void;
  /** A service that exited before it first answered: DermINO did not start. */
  onStartFailure(name: string, status: ExitStatus): void;
  onGiveUp(message: string): void;
  policy?: RestartPolicy;
}

export interface ServiceSet {
  children: { stop(): Promise<void> }[];
  /** Resolves when every started service answers over HTTP. */
  apiReady: Promise<void>;
  webReady: Promise<void>;
}

/**
 * Starts the API, the workers and the dashboard (building it first when its sources changed), each restarted with
 * back-off when it dies after it started (see supervisor.ts).
 */
export function startServices(env: Env, childEnv: NodeJS.ProcessEnv, supervision: Supervision): ServiceSet {
  const children: { stop(): Promise<void> }[] = [];
  // The children write into pipes: they log pretty lines only when this launcher's output is a terminal.
  // Next.js sends anonymous telemetry unless told not to; the platform makes no outbound calls.
  const serviceEnv = {
    LOG_FORMAT: process.stdout.isTTY ? 'pretty' : 'json',
    NEXT_TELEMETRY_DISABLED: '1',
    ...childEnv,
  };
  const wants = (name: 'api' | 'web' | 'worker') => env.DERMINO_SERVICES.includes(name);
  const supervised = (
    label: string,
    spawnIt: () => ManagedChild,
    ready: (child: ManagedChild) => Promise<void>,
  ) => {
    const first = spawnIt();
    const started = ready(first);
    children.push(
      supervise(first, {
        name: label,
        restart: async () => spawnIt(),
        signal: supervision.signal,
        started: started.catch(() => new Promise(() => {})),
        onStartFailure: (status) => supervision.onStartFailure(label, status),
        onGiveUp: supervision.onGiveUp,
        log: supervision.log,
        policy: supervision.policy,
      }),
    );
    return started;
  };
  let apiReady = Promise.resolve();
  if (wants('api')) {
    apiReady = supervised(
      'the API',
      () => spawnService('api', process.execPath, [...tsx, 'src/main.ts'], { cwd: apiDir, env: serviceEnv }),
      (api) => waitForHttp(`http://127.0.0.1:${env.API_PORT}/healthz`, 90_000, () => isRunning(api)),
    );
  }
  if (wants('worker')) {
    // Two processes: a training step holds its event loop for a second or more, which would stall quality,
    // evaluation and embedding jobs (and their heartbeats) behind pretraining if they shared one.
    for (const [name, kinds] of WORKERS) {
      const args = [...tsx, 'src/cli/main.ts', 'worker', '--kinds', kinds];
      // No readiness to wait for: a worker that dies, even at once, is restarted (and given up on after a few).
      supervised(
        `the ${name}`,
        () => spawnService(name, process.execPath, args, { cwd: trainerDir, env: serviceEnv }),
        async () => {},
      );
    }
  }
  const webReady = wants('web')
    ? (async () => {
        if (!webBuildIsCurrent()) {
          console.log('Building the dashboard (first start only; a minute or two on 2 cores)…');
          const build = spawnService('web-build', process.execPath, [nextBin, 'build'], {
            cwd: webDir,
            env: serviceEnv,
          });
          children.push(build);
          const { code } = await build.exited;
          if (code !== 0) throw new Error('The dashboard build failed (see the [web-build] lines above).');
        }
        if (supervision.signal.aborted) return;
        await supervised(
          'the dashboard',
          () =>
            spawnService('web', process.execPath, [nextBin, 'start', '-p', String(env.WEB_PORT)], {
              cwd: webDir,
              env: serviceEnv,
            }),
          (web) => waitForHttp(`http://127.0.0.1:${env.WEB_PORT}/login`, 120_000, () => isRunning(web)),
        );
      })()
    : Promise.resolve();
  return { children, apiReady, webReady };
}
