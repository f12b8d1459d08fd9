import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const CASES = /* GraphQL */ `
  query Cases($filter: CaseFilter, $first: Int, $after: String) {
    cases(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node { id createdAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

let api: TestApi;
let token: string;
const source = uniqueName('paging-hospital');
const filter = { source: [source] };
let expectedOrder: string[];

beforeAll(async () => {
  api = await createTestApi();
  token = api.tokenFor(await createTestUser(api.db, { role: 'DATA' }));
  // Seven cases; three share one timestamp so the id tie-break is exercised across a page boundary.
  const times = [1, 2, 3, 3, 3, 4, 5].map((minute) => new Date(Date.UTC(2026, 0, 1, 0, minute)));
  const created = [];
  for (const createdAt of times) created.push(await createTestCase(api.db, { source, createdAt }));
  expectedOrder = created
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((row) => row.id);
});

afterAll(() => api?.close());

describe('cases paging', () => {
  it('walks every page with first/after, newest first, each case once, totalCount on every page', async () => {
    const seen: string[] = [];
    const pages: any[] = [];
    let after: string | null = null;
    do {
      const result: any = await api.execute(CASES, { filter, first: 3, after }, { token });
      expect(result.errors).toBeUndefined();
      const page: any = result.data?.cases;
      pages.push(page);
      seen.push(...page.edges.map((edge: any) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && pages.length < 10);

    expect(seen).toEqual(expectedOrder);
    expect(pages.map((page) => page.edges.length)).toEqual([3, 3, 1]);
    expect(pages.map((page) => page.totalCount)).toEqual([7, 7, 7]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    for (const page of pages) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
    }
  });

  it('defaults to 20 per page', async () => {
    const result = await api.execute('query { cases { edges { cursor } } }', {}, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data?.cases.edges.length).toBeLessThanOrEqual(20);
  });

  it('accepts first: 100 and gives an empty last page past the end', async () => {
    const all = await api.execute(CASES, { filter, first: 100 }, { token });
    expect(all.data?.cases.edges).toHaveLength(7);
    const past = await api.execute(
      CASES,
      { filter, first: 100, after: all.data?.cases.pageInfo.endCursor },
      { token },
    );
    expect(past.data?.cases).toMatchObject({
      totalCount: 7,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it.each([0, -1, 101, 100000])(
    'refuses first: %i with BAD_USER_INPUT naming the argument',
    async (first) => {
      const result = await api.execute(CASES, { filter, first }, { token });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toBe(`Argument "first" must be from 1 to 100; got ${first}.`);
      expect(result.data).toBeNull();
    },
  );

  it.each(['garbage', 'Y2FzZTo=', Buffer.from('case:not-a-date|abc').toString('base64url')])(
    'refuses the malformed cursor %j',
    async (after) => {
      const result = await api.execute(CASES, { filter, first: 3, after }, { token });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(/"after" is not a cursor from this API/);
    },
  );
});
