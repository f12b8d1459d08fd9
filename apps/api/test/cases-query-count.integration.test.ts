import { createTestCase, createTestPatient, createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueries } from './support/count-queries.js';
import { createTestApi, type TestApi } from './support/test-api.js';

// The case list is the dashboard's busiest page: its SQL cost must not grow with the page size.
const PAGE = `query($n: Int!, $f: CaseFilter) { cases(first: $n, filter: $f) { totalCount edges { cursor node {
  id site source patient { pseudonym skinType } diagnosis { code parent { code } }
  images { id thumbnailUrl url quality { brightness } }
  annotations { id confirmation annotator concept { code name parent { code } } image { id } }
} } } }`;

let api: TestApi;
let token: string;
let source: string;

beforeAll(async () => {
  api = await createTestApi();
  token = api.tokenFor(await createTestUser(api.db, { role: 'CLINICIAN' }));
  source = uniqueName('count');
  const patient = await createTestPatient(api.db, { source });
  for (let i = 0; i < 50; i += 1) {
    await createTestCase(api.db, {
      source,
      patientId: patient.id,
      images: [{}, {}],
      annotations: [
        { concept: i % 2 ? 'mel' : 'nv', confirmation: 'HISTOPATHOLOGY' },
        { concept: 'bkl', image: 1 },
      ],
    });
  }
});
afterAll(() => api?.close());

async function costOf(first: number) {
  const { result, queries, statements } = await countQueries(() =>
    api.execute(PAGE, { n: first, f: { source: [source] } }, { token }),
  );
  expect(result.errors).toBeUndefined();
  const edges = result.data!.cases.edges;
  expect(edges).toHaveLength(first);
  expect(
    edges.every((edge: any) => edge.node.images.length === 2 && edge.node.annotations.length === 2),
  ).toBe(true);
  return { queries, statements };
}

describe('cases(first: N) with images and annotations', () => {
  it('costs the same number of SQL statements for 5 and for 50 cases', async () => {
    await costOf(5); // warm-up: first-use work (prepared statements, pools) is not per page
    const five = await costOf(5);
    const fifty = await costOf(50);
    expect(fifty.queries).toBe(five.queries);
    // Small and fixed: the session check (user, revocation), ONE statement for the page with its patients,
    // images, annotations, concepts, total and audit event, and the concepts' parents (one batch).
    expect(five.queries).toBeLessThanOrEqual(4);
    expect(five.queries).toBeGreaterThan(0);
    expect(fifty.statements.filter((sql) => /FROM "Case"/.test(sql))).toHaveLength(1);
  });
});
