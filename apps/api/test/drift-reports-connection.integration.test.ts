import { randomUUID } from 'node:crypto';
import { createTestUser } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelRow } from './support/model-fixtures.js';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const REPORTS = /* GraphQL */ `
  query Reports($filter: DriftReportFilter, $orderBy: DriftReportOrder, $first: Int, $after: String) {
    driftReports(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id modelVersionId alerts } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Seeded {
  id: string;
  modelVersionId: string;
  createdAt: Date;
  referenceFrom: Date;
  alerted: boolean;
}

let api: TestApi;
let manager: string;
const modelIds: string[] = [];
const seeded: Seeded[] = [];

beforeAll(async () => {
  api = await createTestApi();
  manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
  for (let i = 0; i < 2; i++) modelIds.push((await createModelRow(api.db)).id);
  // Five reports of this file's two models; created-at and reference-start ties fall on different rows.
  const plan: [number, number, number, boolean][] = [
    [0, 1, 3, true],
    [1, 2, 1, false],
    [0, 2, 1, true],
    [0, 2, 2, false],
    [1, 3, 1, true],
  ];
  for (const [model, minute, month, alerted] of plan) {
    const createdAt = new Date(Date.UTC(2026, 0, 1, 0, minute));
    const referenceFrom = new Date(Date.UTC(2025, month, 1));
    const report = await api.db.driftReport.create({
      data: {
        modelVersionId: modelIds[model],
        referenceFrom,
        referenceTo: new Date(Date.UTC(2025, 11, 1)),
        windows: [],
        alerts: alerted ? [{ area: 'metadata', feature: 'site' }] : [],
        createdAt,
      },
    });
    seeded.push({ id: report.id, modelVersionId: modelIds[model], createdAt, referenceFrom, alerted });
  }
});

afterAll(() => api?.close());

function expectedOrder(rows: Seeded[], key: 'createdAt' | 'referenceFrom', sign: 1 | -1): string[] {
  return [...rows]
    .sort((a, b) => sign * (a[key].getTime() - b[key].getTime() || (a.id < b.id ? -1 : 1)))
    .map((row) => row.id);
}

async function walk(variables: Record<string, unknown>, first: number) {
  const ids: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  do {
    const result: any = await api.execute(REPORTS, { ...variables, first, after }, { token: manager });
    expect(result.errors).toBeUndefined();
    totals.push(result.data.driftReports.totalCount);
    ids.push(...result.data.driftReports.edges.map((edge: any) => edge.node.id));
    after = result.data.driftReports.pageInfo.hasNextPage
      ? result.data.driftReports.pageInfo.endCursor
      : null;
  } while (after && totals.length < 20);
  return { ids, totals };
}

describe('driftReports connection', () => {
  it('walks every page newest first by default, each report once, totalCount on every page', async () => {
    const { ids, totals } = await walk({ filter: { modelId: modelIds } }, 2);
    expect(ids).toEqual(expectedOrder(seeded, 'createdAt', -1));
    expect(totals).toEqual([5, 5, 5]);
  });

  it.each([
    ['CREATED_AT', 'ASC', 'createdAt', 1],
    ['CREATED_AT', 'DESC', 'createdAt', -1],
    ['REFERENCE_FROM', 'ASC', 'referenceFrom', 1],
    ['REFERENCE_FROM', 'DESC', 'referenceFrom', -1],
  ] as const)('sorts by %s %s through every page size', async (field, direction, key, sign) => {
    for (const first of [1, 3, 5]) {
      const { ids } = await walk({ filter: { modelId: modelIds }, orderBy: { field, direction } }, first);
      expect(ids).toEqual(expectedOrder(seeded, key, sign));
    }
  });

  it('filters by model and to reports with alerts', async () => {
    const one = await walk({ filter: { modelId: [modelIds[1]] } }, 1);
    expect(one.ids).toEqual(
      expectedOrder(
        seeded.filter((r) => r.modelVersionId === modelIds[1]),
        'createdAt',
        -1,
      ),
    );
    expect(one.totals[0]).toBe(2);
    const alerted = await walk({ filter: { modelId: modelIds, alertsOnly: true } }, 2);
    expect(alerted.ids).toEqual(
      expectedOrder(
        seeded.filter((r) => r.alerted),
        'createdAt',
        -1,
      ),
    );
    expect(alerted.totals[0]).toBe(3);
    const all = await walk({ filter: { modelId: modelIds, alertsOnly: false } }, 5);
    expect(all.totals[0]).toBe(5);
  });

  it('refuses a malformed or foreign cursor, first out of range and a non-UUID model id', async () => {
    const foreign = Buffer.from(`data-audit:CREATED_AT:DESC:d2026-01-01T00:00:00.000Z|${randomUUID()}`);
    for (const after of ['%%%', foreign.toString('base64url')]) {
      const result = await api.execute(REPORTS, { after }, { token: manager });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(
        /Argument "after" is not a cursor of this list in this order/,
      );
    }
    const first = await api.execute(REPORTS, { first: 0 }, { token: manager });
    expect(errorCodes(first)).toEqual(['BAD_USER_INPUT']);
    expect(first.errors?.[0].message).toBe('Argument "first" must be from 1 to 100; got 0.');
    const id = await api.execute(REPORTS, { filter: { modelId: ['not-a-uuid'] } }, { token: manager });
    expect(id.errors?.[0].message).toBe('Argument "filter.modelId" is not an id from this API.');
  });

  it('refuses the data team and clinicians (drift is for MANAGER and ADMIN)', async () => {
    for (const role of ['DATA', 'CLINICIAN'] as const) {
      const token = api.tokenFor(await createTestUser(api.db, { role }));
      const result = await api.execute(REPORTS, { first: 1 }, { token });
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.data).toBeUndefined();
    }
  });
});
