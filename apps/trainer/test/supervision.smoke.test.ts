import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createDb, createQueue, type Db, enqueueJob, getJobById, getModelVersionByJobId } from '@dermino/db';
import { afterAll, describe, expect, it } from 'vitest';
import { freezeDemoDatasetVersion } from '../src/pipeline/freeze-demo-version.js';
import { MICRO_CONFIG } from './demo-fixture.js';
import { freePort, type RunningPlatform, startPlatformProcess } from './platform.js';
import { tempDir } from './support.js';
import { expectSuccess } from './wait-job.js';

const homes: string[] = [];
let platform: RunningPlatform | undefined;
let db: Db | undefined;
afterAll(async () => {
  await db?.$disconnect();
  if (platform?.child.exitCode === null) {
    platform.ctrlC();
    await platform.exited();
  }
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});

// The micro model on 60 small images: seconds of training when the machine is idle. At most 200 steps: the job's
// curve is thinned to 200 points, so then it keeps every step.
const STEPS = 200;

/** Polls `read` (a database read may fail while the server restarts) until `done`, or fails naming `what`. */
async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${platform?.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ready = (port: number) =>
  fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.status === 200,
  );

describe('dermino start supervises what it starts', () => {
  it('brings the database and a worker killed with SIGKILL back: ready again within 30 s, the job completes, nothing lost', async () => {
    const home = tempDir('dermino-supervision-');
    homes.push(home);
    const env = {
      DERMINO_HOME: home,
      DERMINO_DEMO_SIZE: '60',
      DERMINO_SERVICES: 'api,worker',
      DERMINO_BACKEND: 'wasm',
      DERMINO_TRAIN_THREADS: '1',
      API_PORT: String(await freePort()),
      WEB_PORT: String(await freePort()),
      DERMINO_DB_PORT: String(await freePort()),
    };
    const apiPort = Number(env.API_PORT);
    platform = startPlatformProcess(env);
    await platform.waitFor(/DermINO is running/, 300_000);
    const url = `postgresql://postgres:postgres@127.0.0.1:${env.DERMINO_DB_PORT}/postgres`;
    db = createDb({ url });
    const version = await freezeDemoDatasetVersion(db);
    const queue = await createQueue({ url, max: 1 });
    const payload = {
      datasetVersionId: version.id,
      config: MICRO_CONFIG,
      steps: STEPS,
      batchSize: 8,
      checkpointEvery: 10,
      seed: 3,
      name: 'supervised',
    };
    const job = await enqueueJob(db, queue, { kind: 'PRETRAIN', payload });
    await queue.stop({ graceful: true, wait: true, timeout: 5000 });
    const before = {
      images: await db.image.count(),
      cases: await db.case.count(),
      users: await db.user.count(),
    };
    const running = (step: number) =>
      until(
        `the job past step ${step}`,
        () => getJobById(db!, job.id),
        (j) => j.status === 'RUNNING' && j.step >= step,
        180_000,
      );

    // The database server, killed in the middle of the job.
    await running(20);
    const server = JSON.parse(fs.readFileSync(path.join(home, 'db-server.json'), 'utf8')) as {
      pid: number;
      port: number;
    };
    const killedAt = Date.now();
    process.kill(server.pid, 'SIGKILL');
    await platform.waitFor(
      new RegExp(
        `\\[supervisor\\] the database \\(pid ${server.pid}\\) exited unexpectedly \\(signal SIGKILL\\); restart 1 of 5`,
      ),
      10_000,
    );
    await until('/readyz', () => ready(apiPort), Boolean, 30_000);
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    expect(platform.output()).toMatch(/\[supervisor\] the database restarted \(pid \d+\)\./);
    const restarted = JSON.parse(fs.readFileSync(path.join(home, 'db-server.json'), 'utf8')) as {
      pid: number;
      port: number;
    };
    expect(restarted.port).toBe(server.port);
    expect(restarted.pid).not.toBe(server.pid);

    // The worker process running the job (named by the job), killed once training goes on after the restart.
    const afterRestart = await getJobById(db, job.id).catch(() => ({ step: 0 }));
    const resumed = await running(afterRestart.step + 20);
    const [, workerPid] = /:(\d+)$/.exec(resumed.worker ?? '') ?? [];
    expect(Number(workerPid)).toBeGreaterThan(0);
    process.kill(Number(workerPid), 'SIGKILL');
    await platform.waitFor(
      new RegExp(
        `\\[supervisor\\] the trainer \\(pid ${workerPid}\\) exited unexpectedly \\(signal SIGKILL\\)`,
      ),
      10_000,
    );
    expect((await getJobById(db, job.id)).step).toBeLessThan(STEPS);

    const finished = await expectSuccess(db, job.id, 300_000);
    expect(finished.step).toBe(STEPS);
    expect(finished.attempts).toBeGreaterThanOrEqual(2);
    const logs = await db.jobLog.findMany({ where: { jobId: job.id }, orderBy: { id: 'asc' } });
    expect(logs.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^Resumed from the checkpoint at step \d+\.$/),
    );
    // Nothing lost: every step of the curve once, one model registered, the registry as it was.
    const model = (await getModelVersionByJobId(db, { jobId: job.id }))!;
    expect((model.metrics as { curve: { step: number }[] }).curve.map((p) => p.step)).toEqual(
      Array.from({ length: STEPS }, (_, i) => i + 1),
    );
    expect(await db.modelVersion.count({ where: { jobId: job.id } })).toBe(1);
    expect({
      images: await db.image.count(),
      cases: await db.case.count(),
      users: await db.user.count(),
    }).toEqual(before);
    expect(platform.output()).not.toMatch(/giving up|could not start/);
    await db.$disconnect();
    db = undefined;

    // Ctrl-C still stops everything (the restarted database and worker included), restarting nothing.
    platform.ctrlC();
    expect(await platform.exited(), platform.output()).toBe(0);
    expect(platform.output().split('Stopping DermINO')[1]).not.toMatch(/\[supervisor\]/);
    expect(fs.existsSync(path.join(home, 'db-server.json'))).toBe(false);
    await expect.poll(() => canConnect(server.port), { timeout: 15_000 }).toBe(false);
    const [, newWorkerPid] =
      /\[supervisor\] the trainer restarted \(pid (\d+)\)/.exec(platform.output()) ?? [];
    for (const pid of [restarted.pid, Number(newWorkerPid)]) expect(isAlive(pid)).toBe(false);
    // About 4 minutes at a load average of 10 on 2 cores (start 2, training and the two recoveries 2).
  }, 600_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
