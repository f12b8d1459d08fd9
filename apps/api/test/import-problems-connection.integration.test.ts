import { recordImportProblems } from '@dermino/db';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const PROBLEMS = /* GraphQL */ `
  query Problems($id: ID!, $filter: ImportProblemFilter, $orderBy: ImportProblemOrder, $first: Int, $after: String) {
    importRun(id: $id) {
      problems(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        edges { cursor node { row field reason } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

// Out of row order, two problems on row 5 and one of the whole row: ties are broken by insertion (the id).
const PLAN: { row: number; field: string | null; reason: string }[] = [
  { row: 9, field: 'age', reason: 'not a number' },
  { row: 5, field: 'sex', reason: 'unknown sex' },
  { row: 2, field: null, reason: 'too few columns' },
  { row: 5, field: 'age', reason: 'negative' },
  { row: 7, field: 'sex', reason: 'empty' },
];

let api: TestApi;
let data: string;
let runId: string;
let otherRunId: string;

beforeAll(async () => {
  api = await createTestApi();
  data = api.tokenFor(await createTestUser(api.db, { role: 'DATA' }));
  const kind = uniqueName('problems-kind');
  const runs = [];
  for (let i = 0; i < 2; i++) {
    runs.push(await api.db.importRun.create({ data: { kind, status: 'COMPLETED', sourceFiles: [] } }));
  }
  [runId, otherRunId] = runs.map((run) => run.id);
  // One createMany, so ids grow in the order of PLAN.
  await recordImportProblems(api.db, { importRunId: runId, problems: PLAN });
  await recordImportProblems(api.db, {
    importRunId: otherRunId,
    problems: [{ row: 3, reason: 'other run' }],
  });
});

afterAll(() => api?.close());

const label = (problem: { row: number; reason: string }) => `${problem.row}:${problem.reason}`;
function expectedOrder(rows: typeof PLAN, sign: 1 | -1): string[] {
  const indexed = rows.map((row) => ({ ...row, index: PLAN.indexOf(row) }));
  return indexed.sort((a, b) => sign * (a.row - b.row || a.index - b.index)).map(label);
}

async function walk(variables: Record<string, unknown>, first: number, id = runId) {
  const problems: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  do {
    const result: any = await api.execute(PROBLEMS, { ...variables, id, first, after }, { token: data });
    expect(result.errors).toBeUndefined();
    const page = result.data.importRun.problems;
    totals.push(page.totalCount);
    problems.push(...page.edges.map((edge: any) => label(edge.node)));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after && totals.length < 20);
  return { problems, totals };
}

describe('ImportRun.problems connection', () => {
  it('walks every page by row by default, each problem once, totalCount on every page', async () => {
    const { problems, totals } = await walk({}, 2);
    expect(problems).toEqual(expectedOrder(PLAN, 1));
    expect(totals).toEqual([5, 5, 5]);
    expect((await walk({}, 5, otherRunId)).problems).toEqual(['3:other run']);
  });

  it.each([
    ['ASC', 1],
    ['DESC', -1],
  ] as const)('sorts by ROW %s through every page size', async (direction, sign) => {
    for (const first of [1, 2, 4]) {
      const { problems } = await walk({ orderBy: { field: 'ROW', direction } }, first);
      expect(problems).toEqual(expectedOrder(PLAN, sign));
    }
  });

  it('filters by field', async () => {
    const { problems, totals } = await walk({ filter: { field: ['sex'] } }, 1);
    expect(problems).toEqual(
      expectedOrder(
        PLAN.filter((problem) => problem.field === 'sex'),
        1,
      ),
    );
    expect(totals[0]).toBe(2);
  });

  it("refuses a malformed cursor, another run's cursor and first out of 1..500, naming the argument", async () => {
    const other: any = await api.execute(PROBLEMS, { id: otherRunId }, { token: data });
    const otherCursor = other.data.importRun.problems.edges[0].cursor;
    // A row beyond 32 bits, and an id that is not the bigint of a problem.
    const forged = [`i99999999999|1`, `i5|abc`].map((keyset) =>
      Buffer.from(`import-problem:${runId}:ROW:ASC:${keyset}`).toString('base64url'),
    );
    for (const after of ['#', otherCursor, ...forged]) {
      const result = await api.execute(PROBLEMS, { id: runId, after }, { token: data });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(
        /Argument "after" is not a cursor of this list in this order/,
      );
    }
    for (const first of [0, 501]) {
      const result = await api.execute(PROBLEMS, { id: runId, first }, { token: data });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toBe(`Argument "first" must be from 1 to 500; got ${first}.`);
    }
    expect((await walk({}, 500)).problems).toHaveLength(5);
  });

  it('refuses managers and clinicians (imports are for DATA and ADMIN)', async () => {
    for (const role of ['MANAGER', 'CLINICIAN'] as const) {
      const token = api.tokenFor(await createTestUser(api.db, { role }));
      const result = await api.execute(PROBLEMS, { id: runId }, { token });
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.data).toBeUndefined();
    }
  });
});
