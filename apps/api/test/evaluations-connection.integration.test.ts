import { randomUUID } from 'node:crypto';
import type { Split } from '@dermino/db';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const EVALUATIONS = /* GraphQL */ `
  query Evaluations($filter: EvaluationFilter, $orderBy: EvaluationOrder, $first: Int, $after: String) {
    evaluations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id modelVersionId split createdAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

interface Seeded {
  id: string;
  modelVersionId: string;
  split: Split;
  createdAt: Date;
}

let api: TestApi;
let manager: string;
const seeded: Seeded[] = [];
const modelIds: string[] = [];

beforeAll(async () => {
  api = await createTestApi();
  manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
  const dataset = await api.db.dataset.create({
    data: { name: uniqueName('eval-conn'), versions: { create: [{ version: 1, contentHash: 'h' }] } },
    select: { versions: { select: { id: true } } },
  });
  const datasetVersionId = dataset.versions[0].id;
  for (const name of ['m1', 'm2']) {
    const model = await api.db.modelVersion.create({
      data: { name: uniqueName(name), kind: 'CLASSIFIER', config: {} },
    });
    modelIds.push(model.id);
  }
  // Six evaluations of two models of this file; three share a time, so ties are broken by id across pages.
  const plan: [number, Split, number][] = [
    [0, 'TEST', 1],
    [1, 'VAL', 2],
    [0, 'TEST', 2],
    [1, 'TEST', 2],
    [0, 'VAL', 3],
    [1, 'TEST', 4],
  ];
  for (const [model, split, minute] of plan) {
    const createdAt = new Date(Date.UTC(2026, 0, 1, 0, minute));
    const modelVersionId = modelIds[model];
    const row = await api.db.evaluation.create({
      data: { modelVersionId, datasetVersionId, split, report: {}, createdAt },
    });
    seeded.push({ id: row.id, modelVersionId, split, createdAt });
  }
});

afterAll(() => api?.close());

function expectedOrder(rows: Seeded[], sign: 1 | -1): string[] {
  return [...rows]
    .sort((a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1)))
    .map((row) => row.id);
}

async function walk(variables: Record<string, unknown>, first: number) {
  const ids: string[] = [];
  const pages: any[] = [];
  let after: string | null = null;
  do {
    const result: any = await api.execute(EVALUATIONS, { ...variables, first, after }, { token: manager });
    expect(result.errors).toBeUndefined();
    pages.push(result.data.evaluations);
    ids.push(...result.data.evaluations.edges.map((edge: any) => edge.node.id));
    after = result.data.evaluations.pageInfo.hasNextPage ? result.data.evaluations.pageInfo.endCursor : null;
  } while (after && pages.length < 20);
  return { ids, pages };
}

describe('evaluations connection', () => {
  it('walks every page newest first, each evaluation once, totalCount on every page', async () => {
    const { ids, pages } = await walk({ filter: { modelId: modelIds } }, 4);
    expect(ids).toEqual(expectedOrder(seeded, -1));
    expect(pages.map((page) => page.totalCount)).toEqual([6, 6]);
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true]);
  });

  it.each([
    ['ASC', 1],
    ['DESC', -1],
  ] as const)('sorts by CREATED_AT %s through every page size', async (direction, sign) => {
    for (const first of [1, 2, 5]) {
      const { ids } = await walk(
        { filter: { modelId: modelIds }, orderBy: { field: 'CREATED_AT', direction } },
        first,
      );
      expect(ids).toEqual(expectedOrder(seeded, sign));
    }
  });

  it('filters by model and split', async () => {
    const { ids, pages } = await walk({ filter: { modelId: [modelIds[1]], split: ['TEST'] } }, 10);
    expect(ids).toEqual(
      expectedOrder(
        seeded.filter((e) => e.modelVersionId === modelIds[1] && e.split === 'TEST'),
        -1,
      ),
    );
    expect(pages[0].totalCount).toBe(2);
  });
});

describe('evaluations connection: bad input', () => {
  it('refuses a cursor of another order, first out of range, a non-UUID id and an unknown split', async () => {
    const after = Buffer.from(`evaluation:CREATED_AT:ASC:d2026-01-01T00:00:00.000Z|${randomUUID()}`).toString(
      'base64url',
    );
    const cursor = await api.execute(EVALUATIONS, { after }, { token: manager });
    expect(errorCodes(cursor)).toEqual(['BAD_USER_INPUT']);
    expect(cursor.errors?.[0].message).toMatch(/Argument "after" is not a cursor of this list in this order/);
    const first = await api.execute(EVALUATIONS, { first: 101 }, { token: manager });
    expect(first.errors?.[0].message).toBe('Argument "first" must be from 1 to 100; got 101.');
    const id = await api.execute(EVALUATIONS, { filter: { modelId: ['1 OR 1=1'] } }, { token: manager });
    expect(id.errors?.[0].message).toBe('Argument "filter.modelId" is not an id from this API.');
    const split = await api.execute(EVALUATIONS, { filter: { split: ['ALL'] } }, { token: manager });
    expect(errorCodes(split)).toEqual(['BAD_USER_INPUT']);
    expect(split.errors?.[0].message).toMatch(/Value "ALL" does not exist in "Split" enum/);
  });
});
