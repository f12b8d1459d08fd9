import { randomUUID } from 'node:crypto';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const EVENTS = /* GraphQL */ `
  query Events($filter: AuditEventFilter, $orderBy: AuditEventOrder, $first: Int, $after: String) {
    auditEvents(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id at action entityId } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

interface Seeded {
  id: string;
  at: Date;
  action: string;
  entityId: string;
}

let api: TestApi;
let admin: string;
// Events of an entity type of their own, so the filter isolates them from every other test's events.
const entityType = uniqueName('ConnTest');
const seeded: Seeded[] = [];

beforeAll(async () => {
  api = await createTestApi();
  admin = api.tokenFor(await createTestUser(api.db, { role: 'ADMIN' }));
  // Six events; three at one instant, so ties are broken by id across page boundaries.
  const plan: [number, string][] = [
    [1, 'x.read'],
    [2, 'x.write'],
    [2, 'x.read'],
    [2, 'x.read'],
    [3, 'x.write'],
    [4, 'x.read'],
  ];
  for (const [second, action] of plan) {
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, second));
    const event = await api.db.auditEvent.create({
      data: { at, action, entityType, entityId: randomUUID() },
    });
    seeded.push({ id: String(event.id), at, action, entityId: event.entityId });
  }
});

afterAll(() => api?.close());

function expectedOrder(rows: Seeded[], direction: 1 | -1): string[] {
  const byId = (a: Seeded, b: Seeded) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);
  return [...rows]
    .sort((a, b) => direction * (a.at.getTime() - b.at.getTime() || byId(a, b)))
    .map((row) => row.id);
}

async function walk(variables: Record<string, unknown>, first: number) {
  const ids: string[] = [];
  const pages: any[] = [];
  let after: string | null = null;
  do {
    const result: any = await api.execute(EVENTS, { ...variables, first, after }, { token: admin });
    expect(result.errors).toBeUndefined();
    pages.push(result.data.auditEvents);
    ids.push(...result.data.auditEvents.edges.map((edge: any) => edge.node.id));
    after = result.data.auditEvents.pageInfo.hasNextPage ? result.data.auditEvents.pageInfo.endCursor : null;
  } while (after && pages.length < 20);
  return { ids, pages };
}

describe('auditEvents connection', () => {
  it('walks every page newest first by default, each event once, totalCount on every page', async () => {
    const { ids, pages } = await walk({ filter: { entityType: [entityType] } }, 4);
    expect(ids).toEqual(expectedOrder(seeded, -1));
    expect(pages.map((page) => page.totalCount)).toEqual([6, 6]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, false]);
  });

  it.each([
    ['ASC', 1],
    ['DESC', -1],
  ] as const)('sorts by AT %s through every page size', async (direction, sign) => {
    for (const first of [1, 2, 5]) {
      const { ids } = await walk(
        { filter: { entityType: [entityType] }, orderBy: { field: 'AT', direction } },
        first,
      );
      expect(ids).toEqual(expectedOrder(seeded, sign));
    }
  });

  it('filters by action and entity id', async () => {
    const writes = await walk({ filter: { entityType: [entityType], action: ['x.write'] } }, 10);
    expect(writes.ids).toEqual(
      expectedOrder(
        seeded.filter((e) => e.action === 'x.write'),
        -1,
      ),
    );
    const one = await walk({ filter: { entityType: [entityType], entityId: [seeded[2].entityId] } }, 10);
    expect(one.ids).toEqual([seeded[2].id]);
    expect(one.pages[0].totalCount).toBe(1);
  });
});

describe('auditEvents connection: bad input', () => {
  const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

  it.each([
    ['garbage', '!!'],
    ['a non-numeric id', cursorOf(`audit:AT:DESC:d2026-01-01T00:00:00.000Z|${randomUUID()}`)],
    ['a cursor of another order', cursorOf('audit:AT:ASC:d2026-01-01T00:00:00.000Z|12')],
  ])('refuses %s as after, naming the argument', async (_name, after) => {
    const result = await api.execute(EVENTS, { after }, { token: admin });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/Argument "after" is not a cursor of this list in this order/);
  });

  it('refuses first out of range and 51 entity ids', async () => {
    const first = await api.execute(EVENTS, { first: 0 }, { token: admin });
    expect(first.errors?.[0].message).toBe('Argument "first" must be from 1 to 100; got 0.');
    const many = await api.execute(
      EVENTS,
      { filter: { entityId: Array.from({ length: 51 }, randomUUID) } },
      { token: admin },
    );
    expect(many.errors?.[0].message).toBe('filter.entityId has 51 values; at most 50.');
  });
});
