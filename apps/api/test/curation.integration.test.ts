import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

let api: TestApi;
let token: string;
let source: string;
let caseId: string;

beforeAll(async () => {
  api = await createTestApi();
  token = api.tokenFor(await createTestUser(api.db, { role: 'DATA' }));
  source = uniqueName('curation');
  for (let i = 0; i < 6; i += 1) {
    const created = await createTestCase(api.db, {
      source,
      images: [{}, {}],
      annotations: [{ concept: i % 2 ? 'mel' : 'nv', confirmation: 'HISTOPATHOLOGY' }],
    });
    caseId ??= created.id;
  }
});
afterAll(() => api?.close());

describe('data team mutations', () => {
  it("adds an annotation in the caller's name, and the case shows it with its provenance", async () => {
    const result = await api.execute(
      'mutation($input: AddAnnotationInput!) { addAnnotation(input: $input) { concept { code } confirmation annotator image { id } } }',
      { input: { caseId, concept: 'bcc', confirmation: 'CONSENSUS' } },
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.addAnnotation).toMatchObject({
      concept: { code: 'bcc' },
      confirmation: 'CONSENSUS',
      image: null,
    });
    expect(result.data!.addAnnotation.annotator).toMatch(/@test\.dermino\.local$/);
    const bad = await api.execute(
      'mutation($input: AddAnnotationInput!) { addAnnotation(input: $input) { id } }',
      { input: { caseId, concept: 'no-such-code', confirmation: 'CONSENSUS' } },
      { token },
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0].message).toBe('Unknown diagnosis code: no-such-code.');
  });

  it('freezes a version grouped by lesion (no leakage) and checks it again', async () => {
    const name = uniqueName('dataset');
    const result = await api.execute(
      `mutation($input: FreezeDatasetVersionInput!) { freezeDatasetVersion(input: $input) {
        versionId version images unlabelled ties composition leakage } }`,
      { input: { name, filter: { source: [source] }, split: '50/25/25', groupBy: 'LESION', seed: 7 } },
      { token },
    );
    expect(result.errors).toBeUndefined();
    const frozen = result.data!.freezeDatasetVersion;
    expect(frozen).toMatchObject({ version: 1, images: 12, unlabelled: 0 });
    expect(frozen.leakage.clean).toBe(true);
    const check = await api.execute(
      `{ datasetVersionLeakage(versionId: "${frozen.versionId}") }`,
      {},
      { token },
    );
    expect(check.data!.datasetVersionLeakage).toMatchObject({ intact: true, clean: true, images: 12 });
  });
});
