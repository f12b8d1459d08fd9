import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const REPORT = /* GraphQL */ `
  query Report($id: ID!, $parts: [EvaluationReportPart!]) {
    evaluation(id: $id) { id report(parts: $parts) }
  }
`;

// A stored report with every top-level part (values small; only the keys matter here).
const STORED = {
  meta: { n: 3, num_classes: 2 },
  overall: { accuracy: { value: 0.5, ci_low: 0.1, ci_high: 0.9 } },
  per_class: { nv: { n: 2 } },
  confusion_matrix: { labels: ['nv', 'mel'], matrix: [[1, 1], [0, 1]] },
  malignancy: null,
  calibration: { top_label: { ece: 0.1, bins: [] }, malignancy: null },
  curves: { malignancy: null, per_class: { nv: { roc: [], pr: [] } } },
  groups: { skin_type: { 'I-II': { n: 3 } } },
  gaps: { skin_type: {} },
};

let api: TestApi;
let manager: string;
let clinician: string;
let evaluationId: string;

beforeAll(async () => {
  api = await createTestApi();
  manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
  clinician = api.tokenFor(await createTestUser(api.db, { role: 'CLINICIAN' }));
  const dataset = await api.db.dataset.create({
    data: { name: uniqueName('report-parts'), versions: { create: [{ version: 1, contentHash: 'h' }] } },
    select: { versions: { select: { id: true } } },
  });
  const model = await api.db.modelVersion.create({ data: { name: uniqueName('m'), kind: 'CLASSIFIER', config: {} } });
  const row = await api.db.evaluation.create({
    data: { modelVersionId: model.id, datasetVersionId: dataset.versions[0].id, split: 'TEST', report: STORED },
  });
  evaluationId = row.id;
});

afterAll(async () => {
  await api?.close();
});

describe('Evaluation.report(parts)', () => {
  it('returns the whole stored report without parts', async () => {
    const result = await api.execute(REPORT, { id: evaluationId }, { token: manager });
    expect(result.errors).toBeUndefined();
    expect(result.data?.evaluation.report).toEqual(STORED);
  });

  it('returns only the named parts, null parts included', async () => {
    const result = await api.execute(REPORT, { id: evaluationId, parts: ['META', 'GROUPS', 'MALIGNANCY'] }, { token: manager });
    expect(result.errors).toBeUndefined();
    expect(result.data?.evaluation.report).toEqual({ meta: STORED.meta, groups: STORED.groups, malignancy: null });
  });

  it('leaves out a part an older report does not have', async () => {
    await api.db.evaluation.update({ where: { id: evaluationId }, data: { report: { meta: STORED.meta } } });
    try {
      const result = await api.execute(REPORT, { id: evaluationId, parts: ['META', 'CURVES'] }, { token: manager });
      expect(result.data?.evaluation.report).toEqual({ meta: STORED.meta });
    } finally {
      await api.db.evaluation.update({ where: { id: evaluationId }, data: { report: STORED } });
    }
  });

  it('refuses an empty list, naming parts', async () => {
    const result = await api.execute(REPORT, { id: evaluationId, parts: [] }, { token: manager });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toContain('"parts"');
  });

  it('refuses an unknown part before running anything', async () => {
    const result = await api.execute(REPORT, { id: evaluationId, parts: ['EVERYTHING'] }, { token: manager });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.data).toBeUndefined();
  });

  it('is still a manager field', async () => {
    const result = await api.execute(REPORT, { id: evaluationId, parts: ['META'] }, { token: clinician });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
  });
});
