import { findAuditEvents } from '@dermino/db';
import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './support/test-api.js';

const CASE = /* GraphQL */ `
  query Case($id: ID!) {
    case(id: $id) {
      id externalId source site createdAt
      patient { pseudonym sex skinType ageBand }
      images { id source modality width height thumbnailUrl url quality { brightness } }
      annotations { annotator confirmation createdAt concept { code name malignant parent { code parent { code } } } image { id } }
      diagnosis { code }
    }
  }
`;

let api: TestApi;
let user: Awaited<ReturnType<typeof createTestUser>>;
let token: string;

beforeAll(async () => {
  api = await createTestApi();
  user = await createTestUser(api.db, { role: 'CLINICIAN' });
  token = api.tokenFor(user);
});

afterAll(() => api?.close());

describe('case(id)', () => {
  it('returns the case with its patient, images and every annotation, and the best diagnosis', async () => {
    const created = await createTestCase(api.db, {
      site: 'back',
      patient: { sex: 'FEMALE', skinType: 'III', ageBand: '40-49' },
      images: [{ modality: 'DERMOSCOPIC' }, { modality: 'CLINICAL' }],
      annotations: [
        {
          concept: 'nv',
          confirmation: 'SINGLE_READER',
          annotator: 'reader-1',
          createdAt: new Date('2026-01-01'),
        },
        {
          concept: 'mel',
          confirmation: 'HISTOPATHOLOGY',
          annotator: 'pathology',
          image: 1,
          createdAt: new Date('2026-01-02'),
        },
        {
          concept: 'bkl',
          confirmation: 'MODEL',
          annotator: 'model-v1',
          image: 0,
          createdAt: new Date('2026-01-03'),
        },
      ],
    });
    const result = await api.execute(CASE, { id: created.id }, { token });
    expect(result.errors).toBeUndefined();
    const found = result.data?.case;
    expect(found).toMatchObject({
      id: created.id,
      site: 'back',
      externalId: created.externalId,
      source: created.source,
    });
    expect(found.patient).toMatchObject({ sex: 'FEMALE', skinType: 'III', ageBand: '40-49' });
    expect(found.images.map((image: any) => image.modality)).toEqual(['DERMOSCOPIC', 'CLINICAL']);
    const [first, second] = created.images;
    expect(found.images[0]).toMatchObject({
      id: first.id,
      thumbnailUrl: `/images/${first.id}/thumb`,
      url: `/images/${first.id}/working`,
      quality: null,
    });
    expect(found.annotations.map((a: any) => [a.concept.code, a.confirmation, a.image?.id ?? null])).toEqual([
      ['nv', 'SINGLE_READER', null],
      ['mel', 'HISTOPATHOLOGY', second.id],
      ['bkl', 'MODEL', first.id],
    ]);
    expect(found.annotations[1].concept).toMatchObject({
      name: 'Melanoma',
      malignant: true,
      parent: { code: 'melanocytic', parent: { code: 'skin-lesion' } },
    });
    expect(found.diagnosis).toEqual({ code: 'mel' });
  });

  it('writes a case.read audit event for the reader', async () => {
    const created = await createTestCase(api.db);
    await api.execute(CASE, { id: created.id }, { token });
    await api.execute(CASE, { id: created.id }, { token });
    const events = await findAuditEvents(api.db, { entityType: 'Case', entityId: created.id });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      action: 'case.read',
      userId: user.id,
      entityType: 'Case',
      entityId: created.id,
    });
  });

  it('is null for an unknown id, and audits nothing', async () => {
    const id = uniqueName('missing');
    const result = await api.execute(CASE, { id }, { token });
    expect(result).toEqual({ data: { case: null } });
    expect(await findAuditEvents(api.db, { entityType: 'Case', entityId: id })).toEqual([]);
  });
});
