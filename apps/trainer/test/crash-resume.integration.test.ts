import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, createQueue, enqueueJob, getJobById, getModelVersionByJobId, type Queue } from '@dermino/db';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs/index.js';
import { demoVersion, MICRO_CONFIG, testHome } from './demo-fixture.js';
import { startTestWorker } from './support.js';
import { expectSuccess } from './wait-job.js';

const script = fileURLToPath(new URL('./fixtures/worker-process.ts', import.meta.url));
const home = testHome();
const db = createDb({ url: inject('databaseUrl') });
let queue: Queue;
let datasetVersionId: string;
const children: ChildProcess[] = [];

function spawnWorker(staleAfterSeconds?: number): ChildProcess {
  const args = ['--import', 'tsx', script, inject('databaseUrl'), home, ...(staleAfterSeconds ? [String(staleAfterSeconds)] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DERMINO_BACKEND: 'wasm' } });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  (child as ChildProcess & { output: () => string }).output = () => output;
  children.push(child);
  return child;
}

beforeAll(async () => {
  queue = await createQueue({ url: inject('databaseUrl'), max: 1 });
  datasetVersionId = (await demoVersion(db)).id;
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await queue.stop({ graceful: true, wait: true, timeout: 5000 });
  await db.$disconnect();
});

const payload = () => ({ datasetVersionId, config: MICRO_CONFIG, steps: 60, batchSize: 8, checkpointEvery: 3, seed: 5, name: 'crash-resume' });

describe('a pretrain job whose worker is killed with SIGKILL', () => {
  // The micro model trains at ~90 steps/s: enough steps that the kill lands mid-run, polled often.
  it('resumes in a new worker from its last checkpoint, ends with the same weights as an uninterrupted run, registers once', async () => {
    const job = await enqueueJob(db, queue, { kind: 'PRETRAIN', payload: payload() });
    const first = spawnWorker();
    let step = 0;
    for (const deadline = Date.now() + 180_000; step < 7; ) {
      if (Date.now() > deadline || first.exitCode !== null) throw new Error(`first worker did not reach step 7: ${(first as never as { output(): string }).output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      step = (await getJobById(db, job.id).catch(() => ({ step }))).step;
    }
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const latest = JSON.parse(fs.readFileSync(path.join(home, 'models', job.id, 'run', 'latest.json'), 'utf8')) as { step: number };
    expect(latest.step % 3).toBe(0);
    expect(latest.step).toBeGreaterThanOrEqual(6);
    expect(latest.step).toBeLessThan(60);
    expect(await getJobById(db, job.id)).toMatchObject({ status: 'RUNNING', attempts: 1 });

    // A restarted worker notices the job's heartbeat stopped (2 s here) and hands it back to the queue.
    const second = spawnWorker(2);
    const finished = await expectSuccess(db, job.id);
    expect(finished).toMatchObject({ step: 60, total: 60, attempts: 2 });
    const logs = await db.jobLog.findMany({ where: { jobId: job.id }, orderBy: { id: 'asc' } });
    expect(logs.map((l) => l.message)).toContain(`Resumed from the checkpoint at step ${latest.step}.`);
    second.kill('SIGKILL');

    const interrupted = (await getModelVersionByJobId(db, { jobId: job.id }))!;
    expect(await db.modelVersion.count({ where: { jobId: job.id } })).toBe(1);
    expect((interrupted.metrics as { curve: { step: number }[] }).curve.map((p) => p.step)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));

    // The uninterrupted reference: the same payload as another job, in a worker in this process.
    const worker = await startTestWorker(jobHandlers.filter((h) => h.kind === 'PRETRAIN'), home);
    const reference = await enqueueJob(db, queue, { kind: 'PRETRAIN', payload: payload() });
    await expectSuccess(db, reference.id);
    await worker.stop();
    const uninterrupted = (await getModelVersionByJobId(db, { jobId: reference.id }))!;
    const checksum = (model: typeof interrupted, kind: string) => model.artifacts.find((a) => a.kind === kind)!.sha256;
    expect(checksum(interrupted, 'backbone-weights')).toBe(checksum(uninterrupted, 'backbone-weights'));
    expect(checksum(interrupted, 'checkpoint-tensors')).toBe(checksum(uninterrupted, 'checkpoint-tensors'));
    // Representation health: a point per checkpoint (every 3 steps), the same as the uninterrupted run's.
    const health = (model: typeof interrupted) => (model.metrics as unknown as { health: { step: number }[] }).health;
    expect(health(interrupted).map((p) => p.step)).toEqual(Array.from({ length: 20 }, (_, i) => 3 * (i + 1)));
    expect(health(interrupted)).toEqual(health(uninterrupted));
  });
});
