import { compareWithBaseline } from '@dermino/analytics';
import { createJob, finishJob, registerModelVersion, saveEvaluation } from '@dermino/db';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabelledVersion } from './support/evaluation-fixtures.js';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

let api: TestApi;
let manager: string;
let clinician: string;
let data: string;
let failedId: string;
let failedJobId: string;
let readyId: string;
let evaluationId: string;
let oldEvaluationId: string;
const alias = uniqueName('quality')
  .toLowerCase()
  .replace(/[^a-z0-9-]/g, '-');
const REASON = 'Collapsed backbone at step 12: embedding std 0.00440 is below 0.0250 (0.1/sqrt(16))';
// Hand-computed (packages/analytics baseline-comparison.test.ts): the model is right on all four, the baseline on two.
const labels = Int32Array.from([0, 0, 1, 1]);
const model = Float64Array.from([0.9, 0.1, 0.8, 0.2, 0.3, 0.7, 0.4, 0.6]);
const pixels = Float64Array.from([0.6, 0.4, 0.4, 0.6, 0.3, 0.7, 0.7, 0.3]);

const HEALTH = [4, 8].map((step) => ({
  step,
  embeddingStd: 0.004,
  effectiveRank: 1.2,
  teacherEntropy: 2.7,
  teacherCentreKl: 0.001,
  width: 16,
  prototypes: 16,
  probeImages: 160,
}));
const MODEL = `query Model($id: ID!) { model(id: $id) { id status statusReason } }`;
const PROMOTE = `mutation Promote($id: ID!, $alias: String!) { promoteModel(input: { modelId: $id, alias: $alias }) { id status aliases { alias } } }`;
const BASELINE = `query Baseline($id: ID!) { evaluation(id: $id) { id baseline {
  method inputSize trainImages valImages testImages labelFraction beatsBaseline beatsBaselineClearly
  balancedAccuracy { value ciLow ciHigh } macroAuroc { value } accuracy { value }
  balancedAccuracyGain { model baseline difference ciLow ciHigh pValue } macroAurocGain { difference } accuracyGain { difference }
} } }`;

beforeAll(async () => {
  api = await createTestApi();
  manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
  clinician = api.tokenFor(await createTestUser(api.db, { role: 'CLINICIAN' }));
  data = api.tokenFor(await createTestUser(api.db, { role: 'DATA' }));
  const register = async (status: 'READY' | 'FAILED') =>
    registerModelVersion(api.db, {
      name: uniqueName('backbone'),
      kind: 'BACKBONE',
      config: {},
      jobId: (await createJob(api.db, { kind: 'PRETRAIN', payload: {} })).id,
      metrics: { curve: [], health: HEALTH },
      status,
      statusReason: status === 'FAILED' ? REASON : null,
      artifacts: [],
    });
  const failed = await register('FAILED');
  failedId = failed.id;
  failedJobId = failed.jobId!;
  await finishJob(api.db, failedJobId, { status: 'SUCCEEDED' });
  readyId = (await register('READY')).id;
  const version = await createLabelledVersion(api.db, {
    count: 4,
    split: 'TEST',
    labelOf: (i) => (i < 2 ? 'nv' : 'mel'),
  });
  const classifier = await registerModelVersion(api.db, {
    name: uniqueName('classifier'),
    kind: 'CLASSIFIER',
    config: {},
    classes: ['nv', 'mel'],
    jobId: (await createJob(api.db, { kind: 'FINETUNE', payload: {} })).id,
    artifacts: [],
  });
  const comparison = compareWithBaseline(
    { labels, numClasses: 2, modelProbabilities: model, baselineProbabilities: pixels },
    { resamples: 200, minClassCases: 1 },
  );
  const save = async (baseline: unknown) =>
    saveEvaluation(api.db, {
      modelVersionId: classifier.id,
      datasetVersionId: version.versionId,
      split: 'TEST',
      jobId: (await createJob(api.db, { kind: 'EVALUATE', payload: {} })).id,
      report: {},
      baseline: baseline as never,
      predictions: version.items.map((item, row) => {
        const probabilities = Array.from(model.subarray(row * 2, row * 2 + 2));
        return {
          imageId: item.imageId,
          probabilities,
          predicted: probabilities.indexOf(Math.max(...probabilities)),
          label: labels[row],
        };
      }),
    });
  evaluationId = (
    await save({
      method: 'class-weighted logistic regression on raw 16x16 RGB pixels',
      inputSize: 16,
      features: 768,
      trainImages: 40,
      valImages: 8,
      testImages: 4,
      labelFraction: 1,
      weightDecay: 0.01,
      ...comparison,
    })
  ).id;
  oldEvaluationId = (await save(null)).id;
});
afterAll(() => api.close());

describe('model status', () => {
  it('shows a FAILED backbone with its reason, and a READY one without', async () => {
    expect((await api.execute(MODEL, { id: failedId }, { token: manager })).data?.model).toEqual({
      id: failedId,
      status: 'FAILED',
      statusReason: REASON,
    });
    expect((await api.execute(MODEL, { id: readyId }, { token: manager })).data?.model).toEqual({
      id: readyId,
      status: 'READY',
      statusReason: null,
    });
  });

  it('refuses to promote a FAILED model, naming the reason, and moves no alias', async () => {
    const result = await api.execute(PROMOTE, { id: failedId, alias }, { token: manager });
    expect(errorCodes(result)).toEqual(['CONFLICT']);
    expect(result.errors?.[0].message).toBe(
      `Model ${failedId} failed its checks and can never be promoted: ${REASON}.`,
    );
    expect(await api.db.modelAlias.count({ where: { alias } })).toBe(0);
    const promoted = await api.execute(PROMOTE, { id: readyId, alias }, { token: manager });
    expect(promoted.data?.promoteModel).toEqual({ id: readyId, status: 'READY', aliases: [{ alias }] });
  });

  it('status is for managers, like the model', async () => {
    for (const token of [clinician, data])
      expect(errorCodes(await api.execute(MODEL, { id: failedId }, { token }))).toEqual(['FORBIDDEN']);
  });
});

describe('Job.healthCurve', () => {
  it("is the backbone's health per checkpoint for a succeeded pretraining job", async () => {
    const result = await api.execute(
      `query($id: ID!) { job(id: $id) { healthCurve { step metrics } } }`,
      { id: failedJobId },
      { token: manager },
    );
    expect(result.data?.job.healthCurve).toEqual(HEALTH.map(({ step, ...metrics }) => ({ step, metrics })));
  });
});

describe('Evaluation.baseline', () => {
  it('gives the pixel baseline with intervals and the model gain over it', async () => {
    const { data: result, errors } = await api.execute(BASELINE, { id: evaluationId }, { token: manager });
    expect(errors).toBeUndefined();
    const baseline = result?.evaluation.baseline;
    expect(baseline).toMatchObject({
      method: 'class-weighted logistic regression on raw 16x16 RGB pixels',
      inputSize: 16,
      trainImages: 40,
      valImages: 8,
      testImages: 4,
      labelFraction: 1,
      beatsBaseline: true,
      balancedAccuracy: { value: 0.5 },
      macroAuroc: { value: 0.5 },
      accuracy: { value: 0.5 },
      balancedAccuracyGain: { model: 1, baseline: 0.5, difference: 0.5 },
      macroAurocGain: { difference: 0.5 },
      accuracyGain: { difference: 0.5 },
    });
    expect(baseline.balancedAccuracy.ciLow).toBeLessThanOrEqual(0.5);
    expect(baseline.balancedAccuracyGain.pValue).toBeGreaterThan(0);
  });

  it('is null for an evaluation stored without one', async () => {
    expect(
      (await api.execute(BASELINE, { id: oldEvaluationId }, { token: manager })).data?.evaluation,
    ).toEqual({ id: oldEvaluationId, baseline: null });
  });

  it('is refused to clinicians and the data team', async () => {
    for (const token of [clinician, data]) {
      const result = await api.execute(BASELINE, { id: evaluationId }, { token });
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.data?.evaluation ?? null).toBeNull();
    }
  });
});
