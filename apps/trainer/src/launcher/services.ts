import { createRequire } from 'node:module';
import path from 'node:path';
import type { Env } from '../env.js';
import { type ManagedChild, spawnService, waitForHttp } from './children.js';
import { apiDir, trainerDir, webBuildIsCurrent, webDir } from './paths.js';

const nextBin = createRequire(path.join(webDir, 'package.json')).resolve('next/dist/bin/next');
const tsx = ['--import', 'tsx'];

/** The worker processes `dermino start` runs, and the job kinds each takes. */
export const WORKERS: [string, string][] = [
  ['trainer', 'pretrain,finetune'],
  ['worker', 'quality,evaluate,embed,drift,audit'],
];

export interface ServiceSet {
  children: ManagedChild[];
  /** Resolves when every started service answers over HTTP. */
  apiReady: Promise<void>;
  webReady: Promise<void>;
}

/** Starts the API, the worker and the dashboard (building it first when its sources changed). */
export function startServices(env: Env, childEnv: NodeJS.ProcessEnv, onCrash: (name: string) => (code: number | null) => void): ServiceSet {
  const children: ManagedChild[] = [];
  // The children write into pipes: they log pretty lines only when this launcher's output is a terminal.
  // Next.js sends anonymous telemetry unless told not to; the platform makes no outbound calls.
  const serviceEnv = { LOG_FORMAT: process.stdout.isTTY ? 'pretty' : 'json', NEXT_TELEMETRY_DISABLED: '1', ...childEnv };
  const wants = (name: 'api' | 'web' | 'worker') => env.DERMINO_SERVICES.includes(name);
  let apiReady = Promise.resolve();
  if (wants('api')) {
    const api = spawnService('api', process.execPath, [...tsx, 'src/main.ts'], { cwd: apiDir, env: serviceEnv, onExit: onCrash('The API') });
    children.push(api);
    apiReady = waitForHttp(`http://127.0.0.1:${env.API_PORT}/healthz`, 90_000, () => api.process.exitCode === null);
  }
  if (wants('worker')) {
    // Two processes: a training step holds its event loop for a second or more, which would stall quality,
    // evaluation and embedding jobs (and their heartbeats) behind pretraining if they shared one.
    for (const [name, kinds] of WORKERS) {
      children.push(
        spawnService(name, process.execPath, [...tsx, 'src/cli/main.ts', 'worker', '--kinds', kinds], {
          cwd: trainerDir,
          env: serviceEnv,
          onExit: onCrash(`The ${name}`),
        }),
      );
    }
  }
  const webReady = wants('web')
    ? (async () => {
        if (!webBuildIsCurrent()) {
          console.log('Building the dashboard (first start only; a minute or two on 2 cores)…');
          const build = spawnService('web-build', process.execPath, [nextBin, 'build'], { cwd: webDir, env: serviceEnv });
          children.push(build);
          const code = await new Promise<number | null>((resolve) => build.process.once('exit', resolve));
          if (code !== 0) throw new Error('The dashboard build failed (see the [web-build] lines above).');
        }
        const web = spawnService('web', process.execPath, [nextBin, 'start', '-p', String(env.WEB_PORT)], {
          cwd: webDir,
          env: serviceEnv,
          onExit: onCrash('The dashboard'),
        });
        children.push(web);
        await waitForHttp(`http://127.0.0.1:${env.WEB_PORT}/login`, 120_000, () => web.process.exitCode === null);
      })()
    : Promise.resolve();
  return { children, apiReady, webReady };
}
