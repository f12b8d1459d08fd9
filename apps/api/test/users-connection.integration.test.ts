import { randomUUID } from 'node:crypto';
import type { Role } from '@dermino/db';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const USERS = /* GraphQL */ `
  query Users($filter: UserFilter, $orderBy: UserOrder, $first: Int, $after: String) {
    users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id email role disabled } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

interface Seeded {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

let api: TestApi;
let admin: string;
const seeded: Seeded[] = [];
const prefix = uniqueName('conn')
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '');

beforeAll(async () => {
  api = await createTestApi();
  admin = api.tokenFor(await createTestUser(api.db, { role: 'ADMIN' }));
  // Five users created "in 2000", before every other test's users, so they are the first rows oldest first and
  // the last newest first; three share a creation time, so ties are broken by id across page boundaries.
  // Their emails differ in one letter only, so their order does not depend on the database's collation.
  const plan: [string, Role, boolean, number][] = [
    ['c', 'CLINICIAN', false, 1],
    ['a', 'DATA', false, 2],
    ['e', 'CLINICIAN', true, 2],
    ['b', 'MANAGER', false, 2],
    ['d', 'CLINICIAN', true, 3],
  ];
  for (const [letter, role, disabled, minute] of plan) {
    const user = await createTestUser(api.db, { role, email: `${prefix}${letter}@test.dermino.local` });
    const createdAt = new Date(Date.UTC(2000, 0, 1, 0, minute));
    await api.db.user.update({ where: { id: user.id }, data: { disabled, createdAt } });
    seeded.push({ id: user.id, email: user.email, role, disabled, createdAt });
  }
});

afterAll(() => api?.close());

const byTime = (direction: 1 | -1) => (a: Seeded, b: Seeded) =>
  direction * (a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));

async function walk(variables: Record<string, unknown>, first: number, maxPages = 100) {
  const nodes: any[] = [];
  const pages: any[] = [];
  let after: string | null = null;
  do {
    const result: any = await api.execute(USERS, { ...variables, first, after }, { token: admin });
    expect(result.errors).toBeUndefined();
    pages.push(result.data.users);
    nodes.push(...result.data.users.edges.map((edge: any) => edge.node));
    after = result.data.users.pageInfo.hasNextPage ? result.data.users.pageInfo.endCursor : null;
  } while (after && pages.length < maxPages);
  return { nodes, pages };
}

const mine = (nodes: any[]) =>
  nodes.filter((node) => seeded.some((user) => user.id === node.id)).map((node) => node.id);

describe('users connection', () => {
  it('pages oldest first with ties broken by id: the first five rows are the seeded users, each once', async () => {
    const { nodes, pages } = await walk({ orderBy: { field: 'CREATED_AT', direction: 'ASC' } }, 2, 3);
    expect(nodes.slice(0, 5).map((node) => node.id)).toEqual(
      [...seeded].sort(byTime(1)).map((user) => user.id),
    );
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect(pages.every((page) => page.totalCount >= 6)).toBe(true);
  });

  it('pages newest first to the end: the seeded users come last, in reverse', async () => {
    const { nodes, pages } = await walk({ orderBy: { field: 'CREATED_AT', direction: 'DESC' } }, 50);
    expect(nodes.slice(-5).map((node) => node.id)).toEqual(
      [...seeded].sort(byTime(-1)).map((user) => user.id),
    );
    expect(pages.at(-1).pageInfo.hasNextPage).toBe(false);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
  });

  it('sorts by email both ways, each user once (the default is by email, ascending)', async () => {
    const letters = (ids: string[]) =>
      ids.map((id) => seeded.find((user) => user.id === id)!.email.slice(prefix.length, prefix.length + 1));
    const asc = await walk({}, 40);
    expect(letters(mine(asc.nodes))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(new Set(asc.nodes.map((node) => node.id)).size).toBe(asc.nodes.length);
    const desc = await walk({ orderBy: { field: 'EMAIL', direction: 'DESC' } }, 40);
    expect(letters(mine(desc.nodes))).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('filters by role and disabled; every row meets both conditions', async () => {
    const { nodes, pages } = await walk({ filter: { role: ['CLINICIAN'], disabled: true } }, 100);
    expect(nodes.every((node) => node.role === 'CLINICIAN' && node.disabled === true)).toBe(true);
    expect(mine(nodes).sort()).toEqual(
      seeded
        .filter((u) => u.disabled)
        .map((u) => u.id)
        .sort(),
    );
    expect(pages[0].totalCount).toBe(nodes.length);
    const managers = await walk({ filter: { role: ['MANAGER', 'DATA'], disabled: false } }, 100);
    expect(managers.nodes.every((node) => ['MANAGER', 'DATA'].includes(node.role) && !node.disabled)).toBe(
      true,
    );
    expect(mine(managers.nodes).length).toBe(2);
  });
});

describe('users connection: bad input', () => {
  const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

  it.each([
    ['garbage', 'x y'],
    ['a cursor of jobs', cursorOf(`job:CREATED_AT:DESC:d2026-01-01T00:00:00.000Z|${randomUUID()}`)],
    ['a cursor of another order', cursorOf(`user:CREATED_AT:ASC:d2026-01-01T00:00:00.000Z|${randomUUID()}`)],
  ])('refuses %s as after, naming the argument', async (_name, after) => {
    const result = await api.execute(USERS, { after }, { token: admin });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/Argument "after" is not a cursor of this list in this order/);
  });

  it('refuses first out of range and an unknown role', async () => {
    const first = await api.execute(USERS, { first: 101 }, { token: admin });
    expect(first.errors?.[0].message).toBe('Argument "first" must be from 1 to 100; got 101.');
    const role = await api.execute(USERS, { filter: { role: ['ROOT'] } }, { token: admin });
    expect(errorCodes(role)).toEqual(['BAD_USER_INPUT']);
    expect(role.errors?.[0].message).toMatch(/Value "ROOT" does not exist in "Role" enum/);
  });
});
