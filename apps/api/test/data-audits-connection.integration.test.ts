import { randomUUID } from 'node:crypto';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const AUDITS = /* GraphQL */ `
  query Audits($filter: DataAuditFilter, $orderBy: DataAuditOrder, $first: Int, $after: String) {
    dataAudits(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id datasetVersionId } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

let api: TestApi;
let data: string;
const versionIds: string[] = [];
const seeded: { id: string; datasetVersionId: string; createdAt: Date }[] = [];

beforeAll(async () => {
  api = await createTestApi();
  data = api.tokenFor(await createTestUser(api.db, { role: 'DATA' }));
  const dataset = await api.db.dataset.create({
    data: {
      name: uniqueName('audit-conn'),
      versions: {
        create: [
          { version: 1, contentHash: 'h1' },
          { version: 2, contentHash: 'h2' },
        ],
      },
    },
    select: { versions: { select: { id: true }, orderBy: { version: 'asc' } } },
  });
  versionIds.push(...dataset.versions.map((version) => version.id));
  // Five audits of this file's two versions; three at one instant, so ties are broken by id across pages.
  for (const [version, minute] of [
    [0, 1],
    [1, 2],
    [0, 2],
    [0, 2],
    [1, 3],
  ] as const) {
    const createdAt = new Date(Date.UTC(2026, 0, 1, 0, minute));
    const audit = await api.db.dataAudit.create({
      data: { datasetVersionId: versionIds[version], report: {}, createdAt },
    });
    seeded.push({ id: audit.id, datasetVersionId: versionIds[version], createdAt });
  }
});

afterAll(() => api?.close());

const expectedOrder = (rows: typeof seeded, sign: 1 | -1) =>
  [...rows]
    .sort((a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1)))
    .map((r) => r.id);

async function walk(variables: Record<string, unknown>, first: number) {
  const ids: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  do {
    const result: any = await api.execute(AUDITS, { ...variables, first, after }, { token: data });
    expect(result.errors).toBeUndefined();
    totals.push(result.data.dataAudits.totalCount);
    ids.push(...result.data.dataAudits.edges.map((edge: any) => edge.node.id));
    after = result.data.dataAudits.pageInfo.hasNextPage ? result.data.dataAudits.pageInfo.endCursor : null;
  } while (after && totals.length < 20);
  return { ids, totals };
}

describe('dataAudits connection', () => {
  it.each([
    ['ASC', 1],
    ['DESC', -1],
  ] as const)(
    'pages by CREATED_AT %s, each audit once, totalCount on every page',
    async (direction, sign) => {
      for (const first of [1, 2, 4]) {
        const { ids, totals } = await walk(
          { filter: { datasetVersionId: versionIds }, orderBy: { field: 'CREATED_AT', direction } },
          first,
        );
        expect(ids).toEqual(expectedOrder(seeded, sign));
        expect(new Set(totals)).toEqual(new Set([5]));
      }
    },
  );

  it('filters by dataset version, newest first by default', async () => {
    const { ids, totals } = await walk({ filter: { datasetVersionId: [versionIds[0]] } }, 2);
    expect(ids).toEqual(
      expectedOrder(
        seeded.filter((a) => a.datasetVersionId === versionIds[0]),
        -1,
      ),
    );
    expect(totals[0]).toBe(3);
  });

  it('refuses a foreign cursor, first out of range and a non-UUID version id', async () => {
    const after = Buffer.from(
      `evaluation:CREATED_AT:DESC:d2026-01-01T00:00:00.000Z|${randomUUID()}`,
    ).toString('base64url');
    const cursor = await api.execute(AUDITS, { after }, { token: data });
    expect(errorCodes(cursor)).toEqual(['BAD_USER_INPUT']);
    expect(cursor.errors?.[0].message).toMatch(/Argument "after" is not a cursor of this list in this order/);
    const first = await api.execute(AUDITS, { first: 101 }, { token: data });
    expect(first.errors?.[0].message).toBe('Argument "first" must be from 1 to 100; got 101.');
    const id = await api.execute(AUDITS, { filter: { datasetVersionId: ["x' OR 1=1"] } }, { token: data });
    expect(id.errors?.[0].message).toBe('Argument "filter.datasetVersionId" is not an id from this API.');
  });
});
