import { registerModelVersion } from '@dermino/db';
import { createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const MODEL = /* GraphQL */ `
  query Model($id: ID!) {
    model(id: $id) { id licence importedFrom { fileName sha256 format architecture taken } }
  }
`;

let api: TestApi;
let manager: string;
let clinician: string;
const ids: Record<'imported' | 'classifier' | 'tuned' | 'scratch', string> = {
  imported: '',
  classifier: '',
  tuned: '',
  scratch: '',
};
const provenance = {
  fileName: 'DermINO_Base.pth',
  sha256: 'ab'.repeat(32),
  format: 'dinov2',
  architecture: 'ViT-B/14, 768 wide, 12 blocks, 12 heads',
  taken: 'teacher',
};

beforeAll(async () => {
  api = await createTestApi();
  manager = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
  clinician = api.tokenFor(await createTestUser(api.db, { role: 'CLINICIAN' }));
  const register = (name: string, extra: Record<string, unknown>) =>
    registerModelVersion(api.db, {
      name: uniqueName(name),
      kind: 'BACKBONE',
      config: {},
      jobId: null,
      artifacts: [],
      ...extra,
    });
  ids.imported = (await register('dermino-base', { licence: 'CC-BY-NC-ND-4.0', provenance })).id;
  ids.classifier = (await register('probe', { kind: 'CLASSIFIER', parentId: ids.imported })).id;
  ids.tuned = (await register('tuned', { kind: 'CLASSIFIER', parentId: ids.classifier })).id;
  ids.scratch = (await register('scratch', {})).id;
});
afterAll(() => api?.close());

describe('the licence and provenance of imported weights', () => {
  it('shows an imported backbone with its licence and where its weights came from', async () => {
    const result = await api.execute(MODEL, { id: ids.imported }, { token: manager });
    expect(result.errors).toBeUndefined();
    expect(result.data?.model).toEqual({
      id: ids.imported,
      licence: 'CC-BY-NC-ND-4.0',
      importedFrom: provenance,
    });
  });

  it('gives models fine-tuned from it the licence of the weights they descend from, and no import of their own', async () => {
    for (const id of [ids.classifier, ids.tuned]) {
      const result = await api.execute(MODEL, { id }, { token: manager });
      expect(result.data?.model).toEqual({ id, licence: 'CC-BY-NC-ND-4.0', importedFrom: null });
    }
  });

  it('shows no licence for a model trained here from scratch', async () => {
    const result = await api.execute(MODEL, { id: ids.scratch }, { token: manager });
    expect(result.data?.model).toEqual({ id: ids.scratch, licence: null, importedFrom: null });
  });

  it('refuses the import details to a clinician, as the rest of the registry', async () => {
    const result = await api.execute(MODEL, { id: ids.imported }, { token: clinician });
    expect(errorCodes(result)).toContain('FORBIDDEN');
  });
});
