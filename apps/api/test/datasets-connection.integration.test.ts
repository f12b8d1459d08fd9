import { randomUUID } from 'node:crypto';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const DATASETS = /* GraphQL */ `
  query Datasets($filter: DatasetFilter, $orderBy: DatasetOrder, $first: Int, $after: String) {
    datasets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id name versions { version } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Seeded {
  id: string;
  name: string;
  createdAt: Date;
  frozen: boolean;
}

let api: TestApi;
let data: string;
// A prefix of its own isolates this file's datasets; lowercase letters after it sort alike in every collation.
const prefix = uniqueName('ds-conn');
const seeded: Seeded[] = [];

beforeAll(async () => {
  api = await createTestApi();
  data = api.tokenFor(await createTestUser(api.db, { role: 'DATA' }));
  // Inserted out of name order; three share one instant, so CREATED_AT ties are broken by id across pages.
  const plan: [string, number, boolean][] = [
    ['cherry', 2, true],
    ['apple', 1, false],
    ['elder', 2, true],
    ['banana', 2, false],
    ['date', 3, true],
  ];
  for (const [suffix, minute, frozen] of plan) {
    const name = `${prefix}-${suffix}`;
    const createdAt = new Date(Date.UTC(2026, 0, 1, 0, minute));
    const dataset = await api.db.dataset.create({
      data: {
        name,
        createdAt,
        versions: frozen ? { create: [{ version: 1, contentHash: 'h' }] } : undefined,
      },
    });
    seeded.push({ id: dataset.id, name, createdAt, frozen });
  }
});

afterAll(() => api?.close());

function expectedOrder(rows: Seeded[], field: 'name' | 'createdAt', sign: 1 | -1): string[] {
  const key = (row: Seeded) => (field === 'name' ? row.name : row.createdAt.getTime());
  const compare = (a: Seeded, b: Seeded) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1;
  return [...rows].sort((a, b) => sign * compare(a, b)).map((row) => row.id);
}

async function walk(variables: Record<string, unknown>, first: number) {
  const ids: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  do {
    const result: any = await api.execute(DATASETS, { ...variables, first, after }, { token: data });
    expect(result.errors).toBeUndefined();
    totals.push(result.data.datasets.totalCount);
    ids.push(...result.data.datasets.edges.map((edge: any) => edge.node.id));
    after = result.data.datasets.pageInfo.hasNextPage ? result.data.datasets.pageInfo.endCursor : null;
  } while (after && totals.length < 20);
  return { ids, totals };
}

describe('datasets connection', () => {
  it('walks every page by name by default, each dataset once, totalCount on every page', async () => {
    const { ids, totals } = await walk({ filter: { nameContains: prefix } }, 2);
    expect(ids).toEqual(expectedOrder(seeded, 'name', 1));
    expect(totals).toEqual([5, 5, 5]);
  });

  it.each([
    ['NAME', 'ASC', 'name', 1],
    ['NAME', 'DESC', 'name', -1],
    ['CREATED_AT', 'ASC', 'createdAt', 1],
    ['CREATED_AT', 'DESC', 'createdAt', -1],
  ] as const)('sorts by %s %s through every page size', async (field, direction, key, sign) => {
    for (const first of [1, 3, 5]) {
      const { ids } = await walk({ filter: { nameContains: prefix }, orderBy: { field, direction } }, first);
      expect(ids).toEqual(expectedOrder(seeded, key, sign));
    }
  });

  it('filters by part of the name in any case, and by having a frozen version', async () => {
    const cased = await walk({ filter: { nameContains: `${prefix}-CHERRY`.toUpperCase() } }, 5);
    expect(cased.ids).toEqual(seeded.filter((row) => row.name.endsWith('-cherry')).map((row) => row.id));
    for (const frozen of [true, false]) {
      const { ids, totals } = await walk({ filter: { nameContains: prefix, hasFrozenVersion: frozen } }, 2);
      expect(ids).toEqual(
        expectedOrder(
          seeded.filter((row) => row.frozen === frozen),
          'name',
          1,
        ),
      );
      expect(totals[0]).toBe(frozen ? 3 : 2);
    }
  });

  it('takes % and _ in nameContains literally (a bound parameter, not a pattern)', async () => {
    const literal = uniqueName('ds-like');
    await api.db.dataset.create({ data: { name: `${literal}-a_b%c` } });
    await api.db.dataset.create({ data: { name: `${literal}-aXbYYc` } });
    const { ids } = await walk({ filter: { nameContains: `${literal}-a_b%c` } }, 5);
    expect(ids).toHaveLength(1);
    const none = await walk({ filter: { nameContains: `${literal}%' OR 1=1 --` } }, 5);
    expect(none.totals).toEqual([0]);
  });

  it('refuses a malformed or foreign cursor, first out of range and a too long name, naming the argument', async () => {
    for (const after of [
      'not a cursor!',
      Buffer.from(`dataset:CREATED_AT:ASC:sx|${randomUUID()}`).toString('base64url'),
    ]) {
      const result = await api.execute(DATASETS, { after }, { token: data });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(
        /Argument "after" is not a cursor of this list in this order/,
      );
    }
    for (const first of [0, 101]) {
      const result = await api.execute(DATASETS, { first }, { token: data });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toBe(`Argument "first" must be from 1 to 100; got ${first}.`);
    }
    const long = await api.execute(DATASETS, { filter: { nameContains: 'x'.repeat(201) } }, { token: data });
    expect(errorCodes(long)).toEqual(['BAD_USER_INPUT']);
    expect(long.errors?.[0].message).toBe('filter.nameContains has 201 characters; at most 200.');
  });

  it('refuses clinicians (the registry is for DATA, MANAGER and ADMIN)', async () => {
    const clinician = api.tokenFor(await createTestUser(api.db, { role: 'CLINICIAN' }));
    const result = await api.execute(DATASETS, { first: 1 }, { token: clinician });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.data).toBeUndefined();
    const manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
    expect((await api.execute(DATASETS, { first: 1 }, { token: manager })).errors).toBeUndefined();
  });
});
