import { randomUUID } from 'node:crypto';
import type { ModelKind } from '@dermino/db';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const MODELS = /* GraphQL */ `
  query Models($filter: ModelVersionFilter, $orderBy: ModelVersionOrder, $first: Int, $after: String) {
    models(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id name kind aliases { alias } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

interface Seeded {
  id: string;
  name: string;
  kind: ModelKind;
  createdAt: Date;
  alias: string;
}

let api: TestApi;
let manager: string;
const prefix = uniqueName('conn')
  .toLowerCase()
  .replace(/[^a-z0-9-]/g, '-');
const seeded: Seeded[] = [];
// Every model of this file holds an alias of its own, so filtering by them isolates it from other files' models.
const aliases = () => seeded.map((model) => model.alias);

beforeAll(async () => {
  api = await createTestApi();
  manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
  // Six models: three share a creation time and two a name, so ties are broken by id across page boundaries.
  const plan: [string, ModelKind, number][] = [
    ['b', 'BACKBONE', 1],
    ['a', 'CLASSIFIER', 2],
    ['c', 'CLASSIFIER', 2],
    ['a', 'BACKBONE', 2],
    ['e', 'CLASSIFIER', 3],
    ['d', 'CLASSIFIER', 4],
  ];
  for (const [index, [name, kind, minute]] of plan.entries()) {
    const createdAt = new Date(Date.UTC(2026, 0, 1, 0, minute));
    const model = await api.db.modelVersion.create({
      data: { name: `${prefix}-${name}`, kind, config: {}, createdAt },
    });
    const alias = `${prefix}-alias-${index}`;
    await api.db.modelAlias.create({ data: { alias, modelVersionId: model.id } });
    seeded.push({ id: model.id, name: model.name, kind, createdAt, alias });
  }
});

afterAll(() => api?.close());

function expectedOrder(rows: Seeded[], field: 'createdAt' | 'name', direction: 'ASC' | 'DESC'): string[] {
  const compare = (a: Seeded, b: Seeded) =>
    field === 'name'
      ? a.name < b.name
        ? -1
        : a.name > b.name
          ? 1
          : 0
      : a.createdAt.getTime() - b.createdAt.getTime();
  const sign = direction === 'ASC' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (compare(a, b) || (a.id < b.id ? -1 : 1))).map((row) => row.id);
}

async function walk(variables: Record<string, unknown>, first = 2) {
  const ids: string[] = [];
  const pages: any[] = [];
  let after: string | null = null;
  do {
    const result: any = await api.execute(MODELS, { ...variables, first, after }, { token: manager });
    expect(result.errors).toBeUndefined();
    pages.push(result.data.models);
    ids.push(...result.data.models.edges.map((edge: any) => edge.node.id));
    after = result.data.models.pageInfo.hasNextPage ? result.data.models.pageInfo.endCursor : null;
  } while (after && pages.length < 20);
  return { ids, pages };
}

describe('models connection', () => {
  it('walks every page newest first by default, each model once, totalCount on every page', async () => {
    const { ids, pages } = await walk({ filter: { alias: aliases() } }, 4);
    expect(ids).toEqual(expectedOrder(seeded, 'createdAt', 'DESC'));
    expect(pages.map((page) => page.edges.length)).toEqual([4, 2]);
    expect(pages.map((page) => page.totalCount)).toEqual([6, 6]);
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true]);
    expect(pages[1].pageInfo.endCursor).toBe(pages[1].edges.at(-1).cursor);
  });

  it.each([
    ['CREATED_AT', 'ASC', 'createdAt'],
    ['CREATED_AT', 'DESC', 'createdAt'],
    ['NAME', 'ASC', 'name'],
    ['NAME', 'DESC', 'name'],
  ] as const)('sorts by %s %s through every page', async (field, direction, key) => {
    for (const first of [1, 2, 4]) {
      const { ids } = await walk({ filter: { alias: aliases() }, orderBy: { field, direction } }, first);
      expect(ids).toEqual(expectedOrder(seeded, key, direction));
    }
  });

  it('filters by kind and alias; both conditions hold', async () => {
    const classifiers = await walk({ filter: { alias: aliases(), kind: ['CLASSIFIER'] } }, 10);
    expect(classifiers.ids).toEqual(
      expectedOrder(
        seeded.filter((m) => m.kind === 'CLASSIFIER'),
        'createdAt',
        'DESC',
      ),
    );
    expect(classifiers.pages[0].totalCount).toBe(4);
    const one = await walk({ filter: { alias: [seeded[3].alias] } });
    expect(one.pages[0].edges.map((edge: any) => edge.node.aliases)).toEqual([[{ alias: seeded[3].alias }]]);
    const none = await walk({ filter: { alias: [seeded[0].alias], kind: ['CLASSIFIER'] } });
    expect(none.pages[0]).toMatchObject({ totalCount: 0, edges: [] });
  });
});

describe('models connection: bad input', () => {
  const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

  it.each([
    ['not base64', '%%%'],
    ['a cursor of jobs', cursorOf(`job:CREATED_AT:DESC:d2026-01-01T00:00:00.000Z|${randomUUID()}`)],
    ['a cursor of another order', cursorOf(`model:NAME:ASC:sa|${randomUUID()}`)],
    ['no id', cursorOf('model:CREATED_AT:DESC:d2026-01-01T00:00:00.000Z|')],
  ])('refuses %s as after, naming the argument', async (_name, after) => {
    const result = await api.execute(MODELS, { after }, { token: manager });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/Argument "after" is not a cursor of this list in this order/);
  });

  it.each([0, 101])('refuses first: %i', async (first) => {
    const result = await api.execute(MODELS, { first }, { token: manager });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toBe(`Argument "first" must be from 1 to 100; got ${first}.`);
  });

  it('refuses an unknown order field and a very long alias', async () => {
    const order = await api.execute(
      MODELS,
      { orderBy: { field: 'SIZE', direction: 'ASC' } },
      { token: manager },
    );
    expect(errorCodes(order)).toEqual(['BAD_USER_INPUT']);
    expect(order.errors?.[0].message).toMatch(/Value "SIZE" does not exist in "ModelVersionOrderField" enum/);
    const long = await api.execute(MODELS, { filter: { alias: ['x'.repeat(201)] } }, { token: manager });
    expect(long.errors?.[0].message).toBe('filter.alias has a value of 201 characters; at most 200.');
  });
});
