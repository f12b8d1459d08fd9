import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await createTestApi();
  token = api.tokenFor(await createTestUser(api.db, { role: 'MANAGER' }));
});

afterAll(() => api?.close());

describe('datasets, concepts, facets, health', () => {
  it('lists datasets with their versions (newest first) and item counts', async () => {
    const created = await createTestCase(api.db, { images: [{}, {}, {}] });
    const name = uniqueName('dataset');
    await api.db.dataset.create({
      data: {
        name,
        description: 'three images',
        versions: {
          create: [
            {
              version: 1,
              contentHash: 'hash-1',
              items: { create: [{ imageId: created.images[0].id, split: 'TRAIN' }] },
            },
            {
              version: 2,
              contentHash: 'hash-2',
              note: 'added two',
              items: {
                create: created.images.map((image) => ({ imageId: image.id, split: 'TRAIN' as const })),
              },
            },
          ],
        },
      },
    });
    const result = await api.execute(
      `query ($filter: DatasetFilter) { datasets(filter: $filter) { edges { node {
        name description versions { version contentHash itemCount note createdAt } } } } }`,
      { filter: { nameContains: name } },
      { token },
    );
    expect(result.errors).toBeUndefined();
    const [dataset] = result.data?.datasets.edges.map((edge: any) => edge.node) ?? [];
    expect(dataset).toMatchObject({
      description: 'three images',
      versions: [
        { version: 2, contentHash: 'hash-2', itemCount: 3, note: 'added two' },
        { version: 1, contentHash: 'hash-1', itemCount: 1, note: null },
      ],
    });
    expect(new Date(dataset.versions[0].createdAt).getTime()).not.toBeNaN();
  });

  it('lists the concept taxonomy with parents', async () => {
    const result = await api.execute('{ concepts { code malignant parent { code } } }', {}, { token });
    const mel = result.data?.concepts.find((concept: any) => concept.code === 'mel');
    expect(mel).toEqual({ code: 'mel', malignant: true, parent: { code: 'melanocytic' } });
  });

  it('offers the distinct sites and sources as facets', async () => {
    const site = uniqueName('site');
    const source = uniqueName('source');
    await createTestCase(api.db, { site, source });
    await createTestCase(api.db, { site, source });
    const result = await api.execute('{ caseFacets { sites sources } }', {}, { token });
    expect(result.data?.caseFacets.sites.filter((value: string) => value === site)).toEqual([site]);
    expect(result.data?.caseFacets.sources).toContain(source);
  });

  it('reports health with the database reachable', async () => {
    const result = await api.execute('{ health { ok database version } }', {}, { token });
    expect(result.data?.health).toEqual({ ok: true, database: 'ok', version: 'test' });
  });
});
