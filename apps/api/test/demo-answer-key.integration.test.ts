import { randomUUID } from 'node:crypto';
import { createDatasetVersion, createJob, saveDataAudit, saveDriftReport, setMeta } from '@dermino/db';
import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { findDemoAnswerKey } from '@dermino/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const SCORE = `query Score($drift: ID, $audit: ID) { demoAnswerKeyScore(driftReportId: $drift, dataAuditId: $audit) {
  seed images plantedDrift { site month } plantedWrongLabels plantedNearDuplicates
  drift { reportId stableMonths falseAlarmMonths falseAlarmRate driftMonths detectedMonths detectionDelay siteNamedMonths
    months { month drifted alarmed siteNamed } }
  audit { auditId labelIssues { flagged planted truePositives precision recall }
    nearDuplicates { flagged planted truePositives precision recall } embeddingWarning }
} }`;

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await createTestApi();
  admin = api.tokenFor(await createTestUser(api.db, { role: 'ADMIN' }));
});
afterAll(() => api.close());

describe('demoAnswerKeyScore', () => {
  it('is refused to every role but admin, and without a session', async () => {
    for (const role of ['MANAGER', 'DATA', 'CLINICIAN'] as const) {
      const token = api.tokenFor(await createTestUser(api.db, { role }));
      const result = await api.execute(SCORE, {}, { token });
      expect(errorCodes(result), role).toEqual(['FORBIDDEN']);
      expect(result.data ?? null, role).toBeNull();
    }
    expect(errorCodes(await api.execute(SCORE))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers null on a registry without a demo cohort, then scores the named report and audit once seeded', async () => {
    // No test file seeds the demo cohort in the shared database before this one records its seed.
    expect((await api.execute(SCORE, {}, { token: admin })).data).toEqual({ demoAnswerKeyScore: null });
    await setMeta(api.db, 'demo-seed', { status: 'complete', size: 240, seed: 1 });
    const { key } = (await findDemoAnswerKey(api.db))!;
    const pair = key.nearDuplicates.find((p) => !p.some((id) => key.wrongLabels.slice(0, 4).includes(id)))!;
    const notWrong = Object.keys(key.truth).filter(
      (id) => !key.wrongLabels.includes(id) && !pair.includes(id),
    );
    // Four planted wrong labels, two clean images and one planted near-copy pair in the registry, under their
    // generator ids; the audited version holds exactly these (a planted pair or label outside it cannot be found).
    const registered = [...key.wrongLabels.slice(0, 4), notWrong[0], notWrong[1], ...pair];
    const { images } = await createTestCase(api.db, { images: registered.map(() => ({})) });
    const idOf = new Map<string, string>();
    for (const [index, image] of images.entries()) {
      await api.db.image.update({ where: { id: image.id }, data: { sourceImageId: registered[index] } });
      idOf.set(registered[index], image.id);
    }
    const version = await createDatasetVersion(api.db, {
      datasetName: uniqueName('dataset'),
      filter: {},
      splitConfig: {},
      items: images.map((image) => ({ imageId: image.id, conceptId: null, split: 'TRAIN' as const })),
    });
    const audit = await saveDataAudit(api.db, {
      datasetVersionId: version.id,
      jobId: (await createJob(api.db, { kind: 'AUDIT', payload: {} })).id,
      report: {
        // Two planted wrong labels and one clean image flagged; pairs by registry id or generator id alike.
        labelIssues: {
          issues: [registered[0], registered[1], notWrong[0]].map((id) => ({ imageId: idOf.get(id) })),
        },
        duplicates: {
          near: [
            [pair[1], pair[0]],
            [uniqueName('a'), uniqueName('b')],
          ],
          embedding: { warning: null },
        },
      },
    });
    const windows = [
      ['2025-04', 'stable'],
      ['2025-05', 'alarm'],
      ['2025-06', 'too-small'],
      ['2025-09', 'alarm'],
      ['2025-10', 'stable'],
      ['2025-11', 'alarm'],
    ].map(([window, status]) => ({ window, status }));
    const drift = await saveDriftReport(api.db, {
      modelVersionId: null,
      jobId: (await createJob(api.db, { kind: 'DRIFT', payload: {} })).id,
      referenceFrom: new Date('2025-01-01'),
      referenceTo: new Date('2025-03-31'),
      windows: [{ window: '2025-01', status: 'reference' }, ...windows],
      alerts: [
        { window: '2025-05', feature: 'site', segment: null },
        { window: '2025-09', feature: 'device', segment: { dimension: 'source', value: 'site-b' } },
        { window: '2025-11', feature: 'device', segment: { dimension: 'source', value: 'site-c' } },
      ],
    });

    const result = await api.execute(SCORE, { drift: drift.id, audit: audit.id }, { token: admin });
    expect(result.errors).toBeUndefined();
    const score = result.data!.demoAnswerKeyScore;
    expect(score).toMatchObject({
      seed: 1,
      images: 240,
      plantedDrift: { site: 'site-b', month: '2025-09' },
      plantedWrongLabels: key.wrongLabels.length,
      plantedNearDuplicates: key.nearDuplicates.length,
    });
    expect(score.drift).toEqual({
      reportId: drift.id,
      stableMonths: 2,
      falseAlarmMonths: 1,
      falseAlarmRate: 0.5,
      driftMonths: 3,
      detectedMonths: 2,
      detectionDelay: 0,
      siteNamedMonths: 1,
      months: [
        { month: '2025-04', drifted: false, alarmed: false, siteNamed: false },
        { month: '2025-05', drifted: false, alarmed: true, siteNamed: false },
        { month: '2025-09', drifted: true, alarmed: true, siteNamed: true },
        { month: '2025-10', drifted: true, alarmed: false, siteNamed: false },
        { month: '2025-11', drifted: true, alarmed: true, siteNamed: false },
      ],
    });
    expect(score.audit).toEqual({
      auditId: audit.id,
      // Planted among the audited version's images: the four wrong labels and the one pair in it, not all of the key's.
      labelIssues: { flagged: 3, planted: 4, truePositives: 2, precision: 2 / 3, recall: 0.5 },
      nearDuplicates: { flagged: 2, planted: 1, truePositives: 1, precision: 0.5, recall: 1 },
      embeddingWarning: null,
    });
  });

  it('names a bad or unknown report id', async () => {
    const bad = await api.execute(SCORE, { drift: 'not-an-id' }, { token: admin });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    await setMeta(api.db, 'demo-seed', { status: 'complete', size: 240, seed: 1 });
    expect(bad.errors?.[0]?.message).toContain('driftReportId');
    const unknown = await api.execute(SCORE, { audit: randomUUID() }, { token: admin });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors?.[0]?.message).toMatch(/No data audit with id/);
  });
});
