import { createJob, saveDriftReport } from '@dermino/db';
import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './support/test-api.js';

const REPORTS = `query { driftReports(first: 100) { edges { node { id alarmScore {
  deviceChange { source device month }
  stableMonths falseAlarmMonths falseAlarmRate driftMonths detectedMonths detectionDelay sourceNamedMonths
} } } } }`;

let api: TestApi;
let manager: string;

beforeAll(async () => {
  api = await createTestApi();
  manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
});
afterAll(() => api.close());

async function report(windows: object[], alerts: object[]) {
  const job = await createJob(api.db, { kind: 'DRIFT', payload: {} });
  return saveDriftReport(api.db, {
    modelVersionId: null,
    jobId: job.id,
    referenceFrom: new Date('1991-01-01'),
    referenceTo: new Date('1991-02-28'),
    windows,
    alerts,
  });
}

async function scoreOf(id: string) {
  const result = await api.execute(REPORTS, {}, { token: manager });
  expect(result.errors).toBeUndefined();
  return result.data!.driftReports.edges.find((edge: { node: { id: string } }) => edge.node.id === id)?.node
    .alarmScore;
}

describe('DriftReport.alarmScore', () => {
  it("scores the calibrated alarms against the registry's first device change after the reference months", async () => {
    // Months of 1991, which no other test file's images reach, so the change found is this one.
    const source = uniqueName('site');
    const { images } = await createTestCase(api.db, {
      source,
      images: [{ device: 'old scope' }, { device: 'old scope' }, { device: 'new phone' }],
    });
    const captured = ['1991-01-15', '1991-03-02', '1991-06-20'];
    for (const [index, image] of images.entries())
      await api.db.image.update({ where: { id: image.id }, data: { capturedAt: new Date(captured[index]) } });
    const status = {
      '1991-01': 'reference',
      '1991-02': 'reference',
      '1991-03': 'stable',
      '1991-04': 'alarm',
    };
    const windows = [
      ...Object.entries(status),
      ['1991-05', 'too-small'],
      ['1991-06', 'stable'],
      ['1991-07', 'alarm'],
      ['1991-08', 'alarm'],
    ].map(([window, s]) => ({ window, status: s }));
    const alert = (window: string, value: string | null) => ({
      window,
      segment: value && { dimension: 'source', value },
    });
    const calibrated = await report(windows, [
      alert('1991-04', null),
      alert('1991-07', source),
      alert('1991-08', 'elsewhere'),
    ]);
    expect(await scoreOf(calibrated.id)).toEqual({
      deviceChange: { source, device: 'new phone', month: '1991-06' },
      stableMonths: 2,
      falseAlarmMonths: 1,
      falseAlarmRate: 0.5,
      driftMonths: 3,
      detectedMonths: 2,
      detectionDelay: 1,
      sourceNamedMonths: 1,
    });
    // A report written before calibration (no window status) has no score.
    const fixed = await report([{ window: '1991-03', reference: false }], []);
    expect(await scoreOf(fixed.id)).toBeNull();
  });
});
