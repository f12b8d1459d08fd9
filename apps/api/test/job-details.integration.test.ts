import { appendJobLog, createJob, finishJob, registerModelVersion } from '@dermino/db';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const JOB =
  'query($id: ID!, $last: Int) { job(id: $id) { id logs(last: $last) { at level message } curve { step metrics } } }';
const CURVE = [
  { step: 10, dino: 9.1, ibot: 8.2, koleo: -0.5, label: 0.7, total: 17.5, lr: 0.001 },
  { step: 20, dino: 8.4, ibot: 7.9, koleo: -0.6, label: 0.6, total: 16.3, lr: 0.0009 },
];

let api: TestApi;
let manager: string;
let pretrainId: string;
let runningId: string;
let finetuneId: string;
let qualityId: string;

async function registerFor(jobId: string, kind: 'BACKBONE' | 'CLASSIFIER', metrics: object) {
  await registerModelVersion(api.db, {
    name: uniqueName('model'),
    kind,
    config: {},
    jobId,
    metrics: metrics as never,
    artifacts: [],
  });
}

beforeAll(async () => {
  api = await createTestApi();
  manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
  pretrainId = (await createJob(api.db, { kind: 'PRETRAIN', payload: {} })).id;
  for (let i = 1; i <= 60; i += 1)
    await appendJobLog(api.db, pretrainId, i % 10 ? 'info' : 'warn', `line ${i}`);
  await registerFor(pretrainId, 'BACKBONE', { final: CURVE[1], curve: CURVE, imagesPerSecond: 3 });
  await finishJob(api.db, pretrainId, { status: 'SUCCEEDED' });
  // Registered a model with a curve but has not finished: no curve yet.
  runningId = (await createJob(api.db, { kind: 'PRETRAIN', payload: {} })).id;
  await registerFor(runningId, 'BACKBONE', { curve: CURVE });
  finetuneId = (await createJob(api.db, { kind: 'FINETUNE', payload: {} })).id;
  await registerFor(finetuneId, 'CLASSIFIER', { valAccuracy: 0.8 });
  await finishJob(api.db, finetuneId, { status: 'SUCCEEDED' });
  qualityId = (await createJob(api.db, { kind: 'QUALITY', payload: {} })).id;
  await appendJobLog(api.db, qualityId, 'info', 'quality done');
});
afterAll(() => api?.close());

describe('Job.logs', () => {
  it('gives the last N lines oldest first (default 50)', async () => {
    const five = await api.execute(JOB, { id: pretrainId, last: 5 }, { token: manager });
    expect(five.errors).toBeUndefined();
    expect(five.data!.job.logs.map((l: { message: string }) => l.message)).toEqual([
      'line 56',
      'line 57',
      'line 58',
      'line 59',
      'line 60',
    ]);
    expect(five.data!.job.logs[4].level).toBe('warn');
    expect(Date.parse(five.data!.job.logs[0].at)).toBeGreaterThan(0);
    const byDefault = await api.execute(JOB, { id: pretrainId }, { token: manager });
    expect(byDefault.data!.job.logs).toHaveLength(50);
    expect(byDefault.data!.job.logs[0].message).toBe('line 11');
  });

  it('gives each job of a list its own lines', async () => {
    const result = await api.execute(
      '{ jobs(filter: { kind: [QUALITY] }, first: 100) { edges { node { id logs(last: 3) { message } } } } }',
      {},
      { token: manager },
    );
    expect(result.errors).toBeUndefined();
    const mine = result
      .data!.jobs.edges.map((edge: any) => edge.node)
      .find((job: { id: string }) => job.id === qualityId);
    expect(mine.logs).toEqual([{ message: 'quality done' }]);
  });

  it.each([0, -1, 501])('refuses last: %i', async (last) => {
    const result = await api.execute(JOB, { id: pretrainId, last }, { token: manager });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toBe(`Argument "last" must be from 1 to 500; got ${last}.`);
  });
});

describe('Job.curve', () => {
  it("is the registered model's metrics.curve for a succeeded pretraining job", async () => {
    const result = await api.execute(JOB, { id: pretrainId, last: 1 }, { token: manager });
    expect(result.data!.job.curve).toEqual(CURVE.map(({ step, ...metrics }) => ({ step, metrics })));
  });

  it('is empty for an unfinished job, a model without a curve and other kinds', async () => {
    for (const id of [runningId, finetuneId, qualityId]) {
      const result = await api.execute(JOB, { id, last: 1 }, { token: manager });
      expect(result.errors).toBeUndefined();
      expect(result.data!.job.curve).toEqual([]);
    }
  });
});

describe('roles', () => {
  it('the data team reads logs of its kinds of jobs but not of a pretraining job; clinicians none', async () => {
    const data = api.tokenFor(await createTestUser(api.db, { role: 'DATA' }));
    const own = await api.execute(JOB, { id: qualityId, last: 5 }, { token: data });
    expect(own.data!.job.logs).toEqual([expect.objectContaining({ message: 'quality done' })]);
    const other = await api.execute(JOB, { id: pretrainId, last: 5 }, { token: data });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect(other.errors?.[0].message).toMatch(/may not run or see PRETRAIN jobs/);
    const clinician = api.tokenFor(await createTestUser(api.db, { role: 'CLINICIAN' }));
    const refused = await api.execute(JOB, { id: qualityId, last: 5 }, { token: clinician });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0].message).toContain('Job.logs (DATA, ADMIN, MANAGER)');
    expect(refused.errors?.[0].message).toContain('Job.curve (DATA, ADMIN, MANAGER)');
  });
});

describe('ModelVersion.job', () => {
  it('links a model to the job that trained it, for the lineage', async () => {
    const result = await api.execute(
      '{ models(first: 50) { edges { node { id job { id kind status } } } } }',
      {},
      { token: manager },
    );
    expect(result.errors).toBeUndefined();
    const trained = result
      .data!.models.edges.map((edge: any) => edge.node)
      .filter((m: { job: { id: string } | null }) => m.job?.id === finetuneId);
    expect(trained).toHaveLength(1);
    expect(trained[0].job).toEqual({ id: finetuneId, kind: 'FINETUNE', status: 'SUCCEEDED' });
  });

  it('is null for a model registered without a job', async () => {
    const model = await api.db.modelVersion.create({
      data: { name: uniqueName('by-hand'), kind: 'BACKBONE', config: {} },
    });
    const result = await api.execute(
      'query($id: ID!) { model(id: $id) { job { id } } }',
      { id: model.id },
      { token: manager },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.model.job).toBeNull();
  });
});
