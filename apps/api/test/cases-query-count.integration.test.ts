import { createTestCase, createTestPatient, createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueries } from './support/count-queries.js';
import { createTestApi, type TestApi } from './support/test-api.js';

// The case list is the dashboard's busiest page: its SQL cost must not grow with the page size.
const NODE = `id site source patient { pseudonym skinType } diagnosis { code parent { code } }
  images { id thumbnailUrl url quality { brightness } }
  annotations { id confirmation annotator concept { code name parent { code } } image { id } }`;
const PAGE = `query($n: Int!, $f: CaseFilter) { cases(first: $n, filter: $f) { totalCount edges { cursor node {
  ${NODE}
} } } }`;
const PAGE_WITHOUT_TOTAL = `query($n: Int!, $f: CaseFilter) { cases(first: $n, filter: $f) {
  edges { cursor node { ${NODE} } } pageInfo { hasNextPage endCursor } } }`;
// totalCount asked under an alias, inside a fragment: still counted.
const PAGE_TOTAL_IN_FRAGMENT = `query($n: Int!, $f: CaseFilter) { cases(first: $n, filter: $f) { ...Counted edges { node { id } } } }
  fragment Counted on CaseConnection { ... on CaseConnection { matching: totalCount } }`;
const CASE = `query($id: ID!) { case(id: $id) { ${NODE} } }`;
// A lean list (the benchmark's query): no images, no annotations asked for, through a fragment.
const LEAN_PAGE = `query($n: Int!, $f: CaseFilter) { cases(first: $n, filter: $f) { edges { node { ...Lean } } } }
  fragment Lean on Case { id site source }`;
const DIAGNOSIS_PAGE = `query($n: Int!, $f: CaseFilter) { cases(first: $n, filter: $f) { edges { node { id diagnosis { code } } } } }`;
// The relations' JSON (the filter on source reads images too, so not any mention of the table).
const readsImages = (sql: string) => /json_agg\(json_build_object\('id', i."id"/.test(sql);
const readsAnnotations = (sql: string) => /'confirmation'/.test(sql);

// The session check: one statement (the user and the token's revocation together).
const isSessionRead = (sql: string) => /"RevokedSession"|"User"/.test(sql);
// The total: a count of cases, inside the page's statement or apart (not the audit insert's HAVING count(*) > 0).
const isCount = (sql: string) => /count\(\*\)[^,]*FROM[^,]*"Case"/i.test(sql);

let api: TestApi;
let token: string;
let source: string;
let caseId: string;

beforeAll(async () => {
  api = await createTestApi();
  token = api.tokenFor(await createTestUser(api.db, { role: 'CLINICIAN' }));
  source = uniqueName('count');
  const patient = await createTestPatient(api.db, { source });
  for (let i = 0; i < 50; i += 1) {
    const created = await createTestCase(api.db, {
      source,
      patientId: patient.id,
      images: [{}, {}],
      annotations: [
        { concept: i % 2 ? 'mel' : 'nv', confirmation: 'HISTOPATHOLOGY' },
        { concept: 'bkl', image: 1 },
      ],
    });
    caseId = created.id;
  }
});
afterAll(() => api?.close());

async function costOf(first: number, query = PAGE) {
  const { result, queries, statements } = await countQueries(() =>
    api.execute(query, { n: first, f: { source: [source] } }, { token }),
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
    // Small and fixed: the session check (user and revocation in one), ONE statement for the page with its
    // patients, images, annotations, concepts, total and audit event, and the concepts' parents (one batch).
    expect(fifty.queries).toBe(3);
    expect(fifty.statements.filter(isSessionRead)).toHaveLength(1);
    expect(fifty.statements.filter((sql) => /FROM "Case"/.test(sql))).toHaveLength(1);
    expect(fifty.statements.filter(isCount)).toHaveLength(1);
  });

  it('counts the total only when totalCount is selected (by any alias, through fragments)', async () => {
    const without = await costOf(50, PAGE_WITHOUT_TOTAL);
    expect(without.queries).toBe(3);
    expect(without.statements.filter(isSessionRead)).toHaveLength(1);
    expect(without.statements.filter(isCount)).toEqual([]);

    const { result, statements } = await countQueries(() =>
      api.execute(PAGE_TOTAL_IN_FRAGMENT, { n: 5, f: { source: [source] } }, { token }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.cases.matching).toBe(50);
    expect(statements.filter(isCount)).toHaveLength(1);
  });
});

describe('cases(first: N) reads only the relations the query selects', () => {
  it('reads neither images nor annotations for a list of ids and sites', async () => {
    const { result, queries, statements } = await countQueries(() =>
      api.execute(LEAN_PAGE, { n: 50, f: { source: [source] } }, { token }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.cases.edges).toHaveLength(50);
    expect(result.data!.cases.edges[0].node.source).toBe(source);
    const page = statements.filter((sql) => /FROM "Case"/.test(sql));
    expect(page).toHaveLength(1);
    expect(page.filter(readsImages)).toEqual([]);
    expect(page.filter(readsAnnotations)).toEqual([]);
    // The session and the page: nothing else (no concepts to batch).
    expect(queries).toBe(2);
  });

  it('reads the annotations for a diagnosis, and gets it right', async () => {
    const { result, statements } = await countQueries(() =>
      api.execute(DIAGNOSIS_PAGE, { n: 50, f: { source: [source] } }, { token }),
    );
    expect(result.errors).toBeUndefined();
    const codes = result.data!.cases.edges.map((edge: any) => edge.node.diagnosis.code);
    // Each case has a histopathology-confirmed mel or nv on the case, and a single reader's bkl on an image.
    expect(new Set(codes)).toEqual(new Set(['mel', 'nv']));
    expect(statements.filter((sql) => /FROM "Case"/.test(sql)).filter(readsAnnotations)).toHaveLength(1);
  });
});

describe('the image columns a case read serialises', () => {
  it("are those the selected Image fields need, for the images and the annotations' images", async () => {
    const query = `query($n: Int!, $f: CaseFilter) { cases(first: $n, filter: $f) { edges { node {
      images { id modality thumbnailUrl } annotations { id image { capturedAt } } } } } }`;
    const { result, statements } = await countQueries(() =>
      api.execute(query, { n: 50, f: { source: [source] } }, { token }),
    );
    expect(result.errors).toBeUndefined();
    const node = result.data!.cases.edges[0].node;
    expect(node.images).toHaveLength(2);
    expect(node.images[0]).toEqual({
      id: expect.any(String),
      modality: 'DERMOSCOPIC',
      thumbnailUrl: `/images/${node.images[0].id}/thumb`,
    });
    // The image annotation names one of the case's images, with its capture time (null or a date).
    const onImage = node.annotations.find((a: { image: unknown }) => a.image !== null);
    expect(onImage.image).toHaveProperty('capturedAt');
    const [page] = statements.filter((sql) => /FROM "Case"/.test(sql));
    expect(page).toMatch(/'modality', i."modality"/);
    expect(page).toMatch(/'capturedAt', i."capturedAt"/);
    for (const column of ['blurVariance', 'brightness', 'device', 'width', 'status'])
      expect(page).not.toContain(`'${column}'`);
  });
});

describe('case(id) with images and annotations', () => {
  it('reads the session once, the case in one statement, and writes its audit event', async () => {
    await countQueries(() => api.execute(CASE, { id: caseId }, { token })); // warm-up
    const { result, queries, statements } = await countQueries(() =>
      api.execute(CASE, { id: caseId }, { token }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.case.id).toBe(caseId);
    expect(result.data!.case.images).toHaveLength(2);
    // The session, the case with its relations, the audit insert, the concepts' parents (one batch).
    expect(statements.filter(isSessionRead)).toHaveLength(1);
    expect(statements.filter((sql) => /FROM "Case"/.test(sql))).toHaveLength(1);
    expect(queries).toBe(4);
  });

  it('reads neither images nor annotations when the query asks for neither', async () => {
    const { result, statements } = await countQueries(() =>
      api.execute(`query($id: ID!) { case(id: $id) { id site } }`, { id: caseId }, { token }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.case.id).toBe(caseId);
    const read = statements.filter((sql) => /FROM "Case"/.test(sql));
    expect(read).toHaveLength(1);
    expect(read.filter(readsImages)).toEqual([]);
    expect(read.filter(readsAnnotations)).toEqual([]);
  });
});
