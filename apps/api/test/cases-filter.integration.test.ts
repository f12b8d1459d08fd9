import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const CASES = /* GraphQL */ `
  query Cases($filter: CaseFilter, $first: Int, $after: String) {
    cases(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node { id externalId site source diagnosis { code } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

let api: TestApi;
let token: string;
// One cohort with its own source, so other tests' cases never match.
const source = uniqueName('filters-hospital');
const siteBack = uniqueName('back');
const siteFace = uniqueName('face');
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await createTestApi();
  token = api.tokenFor(await createTestUser(api.db, { role: 'CLINICIAN' }));
  const make = async (name: string, options: Parameters<typeof createTestCase>[1]) => {
    ids[name] = (await createTestCase(api.db, { source, ...options })).id;
  };
  await make('melBack', {
    site: siteBack,
    patient: { skinType: 'II' },
    annotations: [{ concept: 'mel', confirmation: 'HISTOPATHOLOGY', image: 0 }],
  });
  await make('nvFace', { site: siteFace, patient: { skinType: 'V' }, annotations: [{ concept: 'nv' }] });
  await make('unlabelledBack', { site: siteBack, patient: { skinType: 'V' } });
  await make('bccFace', {
    site: siteFace,
    patient: { skinType: 'II' },
    annotations: [{ concept: 'bcc', image: 0 }],
  });
  // Its own case source differs; one of its images comes from the cohort's source.
  await make('imageSourceOnly', {
    source: uniqueName('other-hospital'),
    site: siteFace,
    images: [{}, { source }],
  });
});

afterAll(() => api?.close());

async function findIds(filter: Record<string, unknown>): Promise<string[]> {
  const result = await api.execute(CASES, { filter, first: 100 }, { token });
  expect(result.errors).toBeUndefined();
  expect(result.data?.cases.totalCount).toBe(result.data?.cases.edges.length);
  return result.data?.cases.edges.map((edge: any) => edge.node.id).sort();
}

const idsOf = (...names: string[]) => names.map((name) => ids[name]).sort();

describe('cases(filter)', () => {
  it('source matches the case source or any image source', async () => {
    expect(await findIds({ source: [source] })).toEqual(
      idsOf('melBack', 'nvFace', 'unlabelledBack', 'bccFace', 'imageSourceOnly'),
    );
  });

  it('site', async () => {
    expect(await findIds({ site: [siteBack] })).toEqual(idsOf('melBack', 'unlabelledBack'));
    expect(await findIds({ site: [siteBack, siteFace] })).toHaveLength(5);
  });

  it('skin type (of the patient)', async () => {
    expect(await findIds({ source: [source], skinType: ['V'] })).toEqual(idsOf('nvFace', 'unlabelledBack'));
    expect(await findIds({ source: [source], skinType: ['I'] })).toEqual([]);
  });

  it('diagnosis, on image- and case-level annotations', async () => {
    expect(await findIds({ source: [source], diagnosis: ['mel'] })).toEqual(idsOf('melBack'));
    expect(await findIds({ source: [source], diagnosis: ['nv'] })).toEqual(idsOf('nvFace'));
    expect(await findIds({ source: [source], diagnosis: ['mel', 'bcc'] })).toEqual(
      idsOf('melBack', 'bccFace'),
    );
  });

  it('diagnosis includes descendants of a concept', async () => {
    expect(await findIds({ source: [source], diagnosis: ['melanocytic'] })).toEqual(
      idsOf('melBack', 'nvFace'),
    );
    expect(await findIds({ source: [source], diagnosis: ['skin-lesion'] })).toEqual(
      idsOf('melBack', 'nvFace', 'bccFace'),
    );
  });

  it('labelled or not', async () => {
    expect(await findIds({ source: [source], labelled: true })).toEqual(
      idsOf('melBack', 'nvFace', 'bccFace'),
    );
    expect(await findIds({ source: [source], labelled: false })).toEqual(
      idsOf('unlabelledBack', 'imageSourceOnly'),
    );
  });

  it('combines filters with AND', async () => {
    expect(await findIds({ site: [siteBack], labelled: true })).toEqual(idsOf('melBack'));
    expect(await findIds({ site: [siteFace], skinType: ['II'], diagnosis: ['keratinocytic'] })).toEqual(
      idsOf('bccFace'),
    );
    expect(await findIds({ site: [siteBack], diagnosis: ['nv'] })).toEqual([]);
  });

  it('treats an empty list as no restriction', async () => {
    expect(await findIds({ site: [siteBack], diagnosis: [], skinType: [] })).toEqual(
      idsOf('melBack', 'unlabelledBack'),
    );
  });

  it('shows the best-confirmed diagnosis on each node', async () => {
    const result = await api.execute(CASES, { filter: { site: [siteBack] } }, { token });
    const byId = new Map(
      result.data?.cases.edges.map((edge: any) => [edge.node.id, edge.node.diagnosis?.code ?? null]),
    );
    expect(byId.get(ids.melBack)).toBe('mel');
    expect(byId.get(ids.unlabelledBack)).toBeNull();
  });

  it('refuses an unknown diagnosis code, naming it', async () => {
    const result = await api.execute(CASES, { filter: { diagnosis: ['mel', 'melanomma'] } }, { token });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toBe('Unknown diagnosis code: melanomma.');
    expect(result.data).toBeNull();
  });

  it('refuses an unknown enum value, in a variable and in a literal', async () => {
    const inVariable = await api.execute(CASES, { filter: { skinType: ['VII'] } }, { token });
    expect(errorCodes(inVariable)).toEqual(['BAD_USER_INPUT']);
    expect(inVariable.errors?.[0].message).toMatch(/"VII".*SkinType/);
    const inLiteral = await api.execute(
      '{ cases(filter: { skinType: [VII] }) { totalCount } }',
      {},
      { token },
    );
    expect(errorCodes(inLiteral)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(inLiteral.errors?.[0].message).toMatch(/VII.*SkinType/);
  });
});
