import { randomUUID } from 'node:crypto';
import type { ImportStatus } from '@dermino/db';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const RUNS = /* GraphQL */ `
  query Runs($filter: ImportRunFilter, $orderBy: ImportRunOrder, $first: Int, $after: String) {
    importRuns(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id status } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

interface Seeded {
  id: string;
  status: ImportStatus;
  startedAt: Date;
  finishedAt: Date | null;
}

let api: TestApi;
let data: string;
// A kind of its own isolates this file's runs from every other test's imports.
const kind = uniqueName('conn-kind');
const seeded: Seeded[] = [];

beforeAll(async () => {
  api = await createTestApi();
  data = api.tokenFor(await createTestUser(api.db, { role: 'DATA' }));
  const plan: [ImportStatus, number, number | null][] = [
    ['COMPLETED', 1, 5],
    ['RUNNING', 2, null],
    ['COMPLETED', 2, 5],
    ['FAILED', 2, 6],
    ['RUNNING', 3, null],
  ];
  for (const [status, started, finished] of plan) {
    const startedAt = new Date(Date.UTC(2026, 0, 1, 0, started));
    const finishedAt = finished === null ? null : new Date(Date.UTC(2026, 0, 1, 0, finished));
    const run = await api.db.importRun.create({
      data: { kind, status, sourceFiles: [], startedAt, finishedAt },
    });
    seeded.push({ id: run.id, status, startedAt, finishedAt });
  }
});

afterAll(() => api?.close());

function expectedOrder(rows: Seeded[], field: 'startedAt' | 'finishedAt', sign: 1 | -1): string[] {
  const key = (row: Seeded) => row[field]?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...rows].sort((a, b) => sign * (key(a) - key(b) || (a.id < b.id ? -1 : 1))).map((row) => row.id);
}

async function walk(variables: Record<string, unknown>, first: number) {
  const ids: string[] = [];
  const pages: any[] = [];
  let after: string | null = null;
  do {
    const result: any = await api.execute(RUNS, { ...variables, first, after }, { token: data });
    expect(result.errors).toBeUndefined();
    pages.push(result.data.importRuns);
    ids.push(...result.data.importRuns.edges.map((edge: any) => edge.node.id));
    after = result.data.importRuns.pageInfo.hasNextPage ? result.data.importRuns.pageInfo.endCursor : null;
  } while (after && pages.length < 20);
  return { ids, pages };
}

describe('importRuns connection', () => {
  it('walks every page newest first, each run once, totalCount on every page', async () => {
    const { ids, pages } = await walk({ filter: { kind: [kind] } }, 2);
    expect(ids).toEqual(expectedOrder(seeded, 'startedAt', -1));
    expect(pages.map((page) => page.totalCount)).toEqual([5, 5, 5]);
  });

  it.each([
    ['STARTED_AT', 'ASC', 'startedAt', 1],
    ['STARTED_AT', 'DESC', 'startedAt', -1],
    ['FINISHED_AT', 'ASC', 'finishedAt', 1],
    ['FINISHED_AT', 'DESC', 'finishedAt', -1],
  ] as const)('sorts by %s %s through every page size', async (field, direction, key, sign) => {
    for (const first of [1, 2, 3]) {
      const { ids } = await walk({ filter: { kind: [kind] }, orderBy: { field, direction } }, first);
      expect(ids).toEqual(expectedOrder(seeded, key, sign));
    }
  });

  it('filters by status', async () => {
    const { ids, pages } = await walk({ filter: { kind: [kind], status: ['RUNNING', 'FAILED'] } }, 10);
    expect(ids).toEqual(
      expectedOrder(
        seeded.filter((run) => run.status !== 'COMPLETED'),
        'startedAt',
        -1,
      ),
    );
    expect(pages[0].totalCount).toBe(3);
  });

  it('refuses a foreign cursor, first out of range and an unknown status', async () => {
    const after = Buffer.from(`import:FINISHED_AT:DESC:n|${randomUUID()}`).toString('base64url');
    const cursor = await api.execute(RUNS, { after }, { token: data });
    expect(errorCodes(cursor)).toEqual(['BAD_USER_INPUT']);
    expect(cursor.errors?.[0].message).toMatch(/Argument "after" is not a cursor of this list in this order/);
    const first = await api.execute(RUNS, { first: 0 }, { token: data });
    expect(first.errors?.[0].message).toBe('Argument "first" must be from 1 to 100; got 0.');
    const status = await api.execute(RUNS, { filter: { status: ['DONE'] } }, { token: data });
    expect(errorCodes(status)).toEqual(['BAD_USER_INPUT']);
    expect(status.errors?.[0].message).toMatch(/Value "DONE" does not exist in "ImportRunStatus" enum/);
  });
});
