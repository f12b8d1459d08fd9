import { randomUUID } from 'node:crypto';
import { compareModels } from '@dermino/analytics';
import { findPredictions } from '@dermino/db';
import { createTestUser } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEvaluatedModel,
  createLabelledVersion,
  fakeProbabilities,
} from './support/evaluation-fixtures.js';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const CLASSES = ['nv', 'mel', 'bkl'];
const QUERY = `query($v: ID!, $a: ID!, $b: ID!, $split: Split, $r: Int) {
  compareModels(datasetVersionId: $v, modelA: $a, modelB: $b, split: $split, resamples: $r) {
    datasetVersionId split n report modelA { id classes } modelB { id }
  }
}`;

let api: TestApi;
let token: string;
let versionId: string;
let modelA: string;
let modelB: string;
let otherClasses: string;
/** What the API must feed analytics: the stored predictions of images both latest evaluations predicted, by image id. */
let expected: { labels: number[]; a: number[][]; b: number[][] };
let sentA: string[];

beforeAll(async () => {
  api = await createTestApi();
  token = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
  const version = await createLabelledVersion(api.db, {
    count: 24,
    split: 'TEST',
    labelOf: (i) => CLASSES[i % 3],
  });
  versionId = version.versionId;
  const rows = version.items.map((item, i) => ({ imageId: item.imageId, label: i % 3, seed: i }));
  const predict = (skill: number, salt: number) =>
    rows.map((row) => ({
      imageId: row.imageId,
      label: row.label,
      probabilities: fakeProbabilities(row.seed * 7 + salt, 3, row.label, skill),
    }));
  // Model A: an older, better evaluation that must be ignored, then the latest one on all 24 images.
  const first = await createEvaluatedModel(api.db, {
    classes: CLASSES,
    datasetVersionId: versionId,
    split: 'TEST',
    predictions: predict(0.9, 1),
  });
  modelA = first.modelId;
  const latestA = predict(0.6, 2);
  const evaluationA = await createEvaluatedModel(api.db, {
    classes: CLASSES,
    datasetVersionId: versionId,
    split: 'TEST',
    predictions: latestA,
    modelId: modelA,
  });
  // Model B predicted only 20 of them: only those are paired.
  const predictionsB = predict(0.3, 3).slice(2, 22);
  const evaluationB = await createEvaluatedModel(api.db, {
    classes: CLASSES,
    datasetVersionId: versionId,
    split: 'TEST',
    predictions: predictionsB,
  });
  modelB = evaluationB.modelId;
  const reordered = ['nv', 'bkl', 'mel'];
  otherClasses = (
    await createEvaluatedModel(api.db, {
      classes: reordered,
      datasetVersionId: versionId,
      split: 'TEST',
      predictions: predictionsB,
    })
  ).modelId;
  // Stored values (as the database returns them), paired here in JS, independently of the API's SQL join.
  const storedA = await findPredictions(api.db, { evaluationId: evaluationA.evaluationId });
  const byImageB = new Map(
    (await findPredictions(api.db, { evaluationId: evaluationB.evaluationId })).map((p) => [p.imageId, p]),
  );
  const paired = storedA
    .filter((p) => byImageB.has(p.imageId))
    .sort((x, y) => (x.imageId < y.imageId ? -1 : 1));
  sentA = latestA.map((p) => p.imageId);
  expected = {
    labels: paired.map((p) => p.label!),
    a: paired.map((p) => p.probabilities),
    b: paired.map((p) => byImageB.get(p.imageId)!.probabilities),
  };
});
afterAll(() => api?.close());

const run = (variables: Record<string, unknown>, as = token) =>
  api.execute(QUERY, { v: versionId, a: modelA, b: modelB, ...variables }, { token: as });

describe('compareModels', () => {
  it("pairs the two models' latest evaluations by image and reports what analytics computes on them", async () => {
    const result = await run({ r: 200 });
    expect(result.errors).toBeUndefined();
    const comparison = result.data!.compareModels;
    expect(comparison).toMatchObject({
      datasetVersionId: versionId,
      split: 'TEST',
      n: 20,
      modelA: { id: modelA, classes: CLASSES },
      modelB: { id: modelB },
    });
    const direct = compareModels(
      {
        labels: Int32Array.from(expected.labels),
        numClasses: 3,
        probabilitiesA: Float64Array.from(expected.a.flat()),
        probabilitiesB: Float64Array.from(expected.b.flat()),
        malignantClasses: [1],
      },
      { resamples: 200 },
    );
    expect(comparison.report).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(Object.keys(comparison.report)).toEqual(
      expect.arrayContaining(['accuracy', 'brier', 'top_2_accuracy', 'malignancy_auroc']),
    );
    expect(expected.labels).toHaveLength(20);
    expect(sentA).toHaveLength(24);
    // Model A's probabilities lean harder toward the truth: a lower Brier score.
    expect(comparison.report.brier.difference).toBeLessThan(0);
  });

  it('uses the default 1000 resamples and TEST split, and resamples: 0 gives point differences only', async () => {
    const none = await run({ r: 0 });
    expect(none.data!.compareModels.report.accuracy).toMatchObject({
      ci_low: null,
      ci_high: null,
      p_value: null,
    });
    expect(typeof none.data!.compareModels.report.accuracy.difference).toBe('number');
    const defaults = await api.execute(
      `{ compareModels(datasetVersionId: "${versionId}", modelA: "${modelA}", modelB: "${modelB}") { split n } }`,
      {},
      { token },
    );
    expect(defaults.data).toEqual({ compareModels: { split: 'TEST', n: 20 } });
  });

  it.each([
    ['modelA equals modelB', () => ({ b: modelA }), 'BAD_USER_INPUT', /the same model/],
    ['resamples -1', () => ({ r: -1 }), 'BAD_USER_INPUT', /"resamples" must be from 0 to 10000; got -1/],
    [
      'resamples 10001',
      () => ({ r: 10_001 }),
      'BAD_USER_INPUT',
      /"resamples" must be from 0 to 10000; got 10001/,
    ],
    [
      'classes that differ',
      () => ({ b: otherClasses }),
      'BAD_USER_INPUT',
      /classes differ \(.*nv, mel, bkl.*nv, bkl, mel\)/,
    ],
    [
      'no evaluation on that split',
      () => ({ split: 'VAL' }),
      'NOT_FOUND',
      /has no evaluation on dataset version .* split VAL/,
    ],
    ['an unknown dataset version', () => ({ v: randomUUID() }), 'NOT_FOUND', /No dataset version with id/],
    [
      'a dataset version id that is not a UUID',
      () => ({ v: "1' OR '1'='1" }),
      'NOT_FOUND',
      /No dataset version with id/,
    ],
    ['an unknown model', () => ({ b: randomUUID() }), 'NOT_FOUND', /No model version with id/],
  ] as const)('%s: %s', async (_name, variables, code, message) => {
    const result = await run(variables());
    expect(errorCodes(result)).toEqual([code]);
    expect(result.errors?.[0].message).toMatch(message);
    expect(result.data).toBeNull();
  });

  it.each(['CLINICIAN', 'DATA'] as const)('refuses the %s role', async (role) => {
    const result = await run({ r: 0 }, api.tokenFor(await createTestUser(api.db, { role })));
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.errors?.[0].message).toContain('Query.compareModels (MANAGER, ADMIN)');
  });
});
