import { randomUUID } from 'node:crypto';
import { createJob, finishJob, type JobKind } from '@dermino/db';
import { createTestUser } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const JOBS = /* GraphQL */ `
  query Jobs($filter: JobFilter, $orderBy: JobOrder, $first: Int, $after: String) {
    jobs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id kind status createdAt finishedAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

interface Seeded {
  id: string;
  kind: JobKind;
  createdAt: Date;
  finishedAt: Date | null;
}

let api: TestApi;
let manager: string;
let data: string;
// Jobs of this file are queued by these two ids, so the filter isolates them from other files' jobs.
const owner = randomUUID();
const other = randomUUID();
const seeded: Seeded[] = [];

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

beforeAll(async () => {
  api = await createTestApi();
  manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
  data = api.tokenFor(await createTestUser(api.db, { role: 'DATA' }));
  // Seven jobs of the owner; three share a creation time and two a finish time, so the id tie-break is
  // exercised across page boundaries; two never finished.
  const plan: [JobKind, number, number | null][] = [
    ['QUALITY', 1, 10],
    ['PRETRAIN', 2, null],
    ['AUDIT', 3, 12],
    ['QUALITY', 3, 12],
    ['FINETUNE', 3, null],
    ['IMPORT', 4, 11],
    ['EVALUATE', 5, 13],
  ];
  for (const [kind, created, finished] of plan) {
    const job = await createJob(api.db, { kind, payload: {}, createdBy: owner });
    await api.db.job.update({
      where: { id: job.id },
      data: { createdAt: at(created), finishedAt: finished === null ? null : at(finished) },
    });
    seeded.push({
      id: job.id,
      kind,
      createdAt: at(created),
      finishedAt: finished === null ? null : at(finished),
    });
  }
  const foreign = await createJob(api.db, { kind: 'QUALITY', payload: {}, createdBy: other });
  await finishJob(api.db, foreign.id, { status: 'FAILED', error: 'x' });
});

afterAll(() => api?.close());

/** Ids in keyset order: the field (nulls largest), then id, both in the direction. */
function expectedOrder(
  rows: Seeded[],
  field: 'createdAt' | 'finishedAt',
  direction: 'ASC' | 'DESC',
): string[] {
  const key = (row: Seeded) => row[field]?.getTime() ?? Number.POSITIVE_INFINITY;
  const sign = direction === 'ASC' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (key(a) - key(b) || (a.id < b.id ? -1 : 1))).map((row) => row.id);
}

async function walk(variables: Record<string, unknown>, token = manager, first = 3) {
  const ids: string[] = [];
  const pages: any[] = [];
  let after: string | null = null;
  do {
    const result: any = await api.execute(JOBS, { ...variables, first, after }, { token });
    expect(result.errors).toBeUndefined();
    const page = result.data.jobs;
    pages.push(page);
    ids.push(...page.edges.map((edge: any) => edge.node.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after && pages.length < 20);
  return { ids, pages };
}

describe('jobs connection', () => {
  it('walks every page newest first by default, each job once, totalCount on every page', async () => {
    const { ids, pages } = await walk({ filter: { createdBy: [owner] } });
    expect(ids).toEqual(expectedOrder(seeded, 'createdAt', 'DESC'));
    expect(pages.map((page) => page.edges.length)).toEqual([3, 3, 1]);
    expect(pages.map((page) => page.totalCount)).toEqual([7, 7, 7]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    for (const page of pages) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
    }
  });

  it.each([
    ['CREATED_AT', 'ASC', 'createdAt'],
    ['CREATED_AT', 'DESC', 'createdAt'],
    ['FINISHED_AT', 'ASC', 'finishedAt'],
    ['FINISHED_AT', 'DESC', 'finishedAt'],
  ] as const)(
    'sorts by %s %s through every page, unfinished jobs as the latest',
    async (field, direction, key) => {
      for (const first of [1, 2, 3]) {
        const { ids } = await walk(
          { filter: { createdBy: [owner] }, orderBy: { field, direction } },
          manager,
          first,
        );
        expect(ids).toEqual(expectedOrder(seeded, key, direction));
      }
    },
  );

  it('filters by kind, status and creator; every condition holds', async () => {
    const quality = await walk({ filter: { createdBy: [owner], kind: ['QUALITY'] } });
    expect(quality.ids).toEqual(
      expectedOrder(
        seeded.filter((job) => job.kind === 'QUALITY'),
        'createdAt',
        'DESC',
      ),
    );
    expect(quality.pages[0].totalCount).toBe(2);
    const both = await walk({ filter: { createdBy: [owner, other], status: ['FAILED'] } });
    expect(both.pages[0].edges.map((edge: any) => edge.node.status)).toEqual(['FAILED']);
    expect(both.pages[0].totalCount).toBe(1);
    const none = await walk({ filter: { createdBy: [owner], kind: ['DRIFT'] } });
    expect(none.pages[0]).toMatchObject({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('shows the data team only its kinds of jobs, in the edges and in totalCount', async () => {
    const { ids, pages } = await walk({ filter: { createdBy: [owner] } }, data);
    const own = seeded.filter((job) => ['QUALITY', 'IMPORT', 'AUDIT'].includes(job.kind));
    expect(ids).toEqual(expectedOrder(own, 'createdAt', 'DESC'));
    expect(pages[0].totalCount).toBe(4);
    const refused = await api.execute(JOBS, { filter: { kind: ['QUALITY', 'PRETRAIN'] } }, { token: data });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0].message).toMatch(/may not run or see PRETRAIN jobs/);
  });
});

describe('jobs connection: bad input', () => {
  const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

  it.each([
    ['not base64', 'not a cursor!'],
    ['a cursor of cases', cursorOf(`case:2026-01-01T00:00:00.000Z|${randomUUID()}`)],
    ['a cursor of another order', cursorOf(`job:FINISHED_AT:DESC:d2026-01-01T00:00:00.000Z|${randomUUID()}`)],
    ['a broken date', cursorOf(`job:CREATED_AT:DESC:dyesterday|${randomUUID()}`)],
    ['SQL in the id', cursorOf(`job:CREATED_AT:DESC:n|'; DROP TABLE "Job"; --`)],
  ])('refuses %s as after, naming the argument', async (_name, after) => {
    const result = await api.execute(JOBS, { after }, { token: manager });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/Argument "after" is not a cursor of this list in this order/);
  });

  it.each([0, -1, 101, 100_000])('refuses first: %i', async (first) => {
    const result = await api.execute(JOBS, { first }, { token: manager });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toBe(`Argument "first" must be from 1 to 100; got ${first}.`);
  });

  it('refuses an unknown enum value in the filter and in the order', async () => {
    const kind = await api.execute(JOBS, { filter: { kind: ['MINING'] } }, { token: manager });
    expect(errorCodes(kind)).toEqual(['BAD_USER_INPUT']);
    expect(kind.errors?.[0].message).toMatch(/Value "MINING" does not exist in "JobKind" enum/);
    const order = await api.execute(
      JOBS,
      { orderBy: { field: 'STEP', direction: 'ASC' } },
      { token: manager },
    );
    expect(errorCodes(order)).toEqual(['BAD_USER_INPUT']);
    expect(order.errors?.[0].message).toMatch(/Value "STEP" does not exist in "JobOrderField" enum/);
  });

  it('refuses a huge creator list and a very long creator id', async () => {
    const many = await api.execute(
      JOBS,
      { filter: { createdBy: Array.from({ length: 51 }, randomUUID) } },
      { token: manager },
    );
    expect(many.errors?.[0].message).toBe('filter.createdBy has 51 values; at most 50.');
    const long = await api.execute(JOBS, { filter: { createdBy: ['x'.repeat(300)] } }, { token: manager });
    expect(long.errors?.[0].message).toBe('filter.createdBy has a value of 300 characters; at most 200.');
  });
});
