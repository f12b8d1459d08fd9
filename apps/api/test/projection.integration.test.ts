import { randomUUID } from 'node:crypto';
import { createDatasetVersion, type Db, findEmbeddings, writeEmbeddings } from '@dermino/db';
import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelRow } from './support/model-fixtures.js';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

const DIM = 6;
const COUNT = 30;
// Anisotropic Gaussian-like cloud: axis scales 5, 3, 1, 0.5, ... so the top two components are well separated.
const SCALES = [5, 3, 1, 0.5, 0.3, 0.1];

function makeVectors(count: number): number[][] {
  let seed = 7;
  const next = () => {
    seed = (seed * 16807) % 2147483647;
    return (seed / 2147483647) * 2 - 1;
  };
  // A fixed rotation mixes the axes, so the principal directions are not the coordinate axes.
  return Array.from({ length: count }, () => {
    const raw = SCALES.map((scale) => scale * next());
    return raw.map(
      (_, i) => raw.reduce((sum, value, j) => sum + value * Math.cos((i + 1) * (j + 2)), 0) + 10,
    );
  });
}

/** Reference PCA written apart from the API's: covariance, power iteration with deflation. */
function referencePca(vectors: number[][]) {
  const n = vectors.length;
  const mean = vectors[0].map((_, d) => vectors.reduce((sum, v) => sum + v[d], 0) / n);
  const x = vectors.map((v) => v.map((value, d) => value - mean[d]));
  const cov = mean.map((_, i) => mean.map((_, j) => x.reduce((sum, row) => sum + row[i] * row[j], 0)));
  const trace = cov.reduce((sum, row, i) => sum + row[i], 0);
  const components: { axis: number[]; value: number }[] = [];
  for (let c = 0; c < 2; c++) {
    let v = mean.map((_, i) => 1 / (i + 1));
    let value = 0;
    for (let it = 0; it < 20000; it++) {
      const w = cov.map((row) => row.reduce((sum, a, j) => sum + a * v[j], 0));
      value = Math.hypot(...w);
      v = w.map((a) => a / value);
    }
    components.push({ axis: v, value });
    for (let i = 0; i < cov.length; i++)
      for (let j = 0; j < cov.length; j++) cov[i][j] -= value * v[i] * v[j];
  }
  return {
    explained: components.map((c) => c.value / trace),
    points: x.map((row) => components.map((c) => row.reduce((sum, a, d) => sum + a * c.axis[d], 0))),
  };
}

interface Point {
  imageId: string;
  caseId: string;
  x: number;
  y: number;
  diagnosis: string | null;
  skinType: string | null;
  site: string | null;
  split: string | null;
}
interface ProjectionData {
  embeddingProjection: {
    modelId: string;
    method: string;
    explainedVariance: number[];
    total: number;
    points: Point[];
  };
}

let api: TestApi;
let db: Db;
let token: string;
let modelId: string;
let emptyModelId: string;
let versionId: string;
const imageIds: string[] = [];
const vectors = makeVectors(COUNT);

beforeAll(async () => {
  api = await createTestApi();
  db = api.db;
  token = api.tokenFor(await createTestUser(db, { role: 'DATA' }));
  const source = uniqueName('projection');
  for (let i = 0; i < COUNT; i++) {
    const created = await createTestCase(db, {
      source,
      site: i % 2 ? 'back' : 'face',
      patient: { skinType: i % 3 ? 'II' : 'V' },
      annotations: [{ concept: i % 2 ? 'mel' : 'nv', image: 0 }],
    });
    imageIds.push(created.images[0].id);
  }
  modelId = (await createModelRow(db, { kind: 'BACKBONE' })).id;
  emptyModelId = (await createModelRow(db, { kind: 'BACKBONE' })).id;
  await writeEmbeddings(db, {
    modelVersionId: modelId,
    dim: DIM,
    rows: imageIds.map((imageId, i) => ({ imageId, vector: vectors[i] })),
  });
  const concepts = await db.diagnosisConcept.findMany({ where: { code: { in: ['mel', 'nv'] } } });
  const conceptOf = (code: string) => concepts.find((concept) => concept.code === code)!.id;
  const version = await createDatasetVersion(db, {
    datasetName: uniqueName('projection-ds'),
    filter: {},
    splitConfig: {},
    // Ten images only, every third one frozen as nv in TEST, the others mel in TRAIN.
    items: imageIds.slice(0, 10).map((imageId, i) => ({
      imageId,
      conceptId: conceptOf(i % 3 ? 'mel' : 'nv'),
      split: i % 3 ? 'TRAIN' : 'TEST',
    })),
  });
  versionId = version.id;
});
afterAll(() => api?.close());

const QUERY = `query($m: ID!, $v: ID, $l: Int) {
  embeddingProjection(modelId: $m, datasetVersionId: $v, limit: $l) {
    modelId method explainedVariance total points { imageId caseId x y diagnosis skinType site split }
  }
}`;

describe('embeddingProjection', () => {
  it('matches a reference PCA of the same vectors (up to sign), with labels, skin type and site', async () => {
    const result = await api.execute<ProjectionData>(QUERY, { m: modelId }, { token });
    expect(result.errors).toBeUndefined();
    const projection = result.data!.embeddingProjection;
    expect(projection).toMatchObject({ modelId, method: 'PCA', total: COUNT });
    // pgvector stores float32: the reference takes the vectors as stored.
    const stored = new Map(
      (await findEmbeddings(db, { modelVersionId: modelId })).map((row) => [row.imageId, row.vector]),
    );
    const reference = referencePca(imageIds.map((imageId) => stored.get(imageId)!));
    expect(projection.explainedVariance[0]).toBeCloseTo(reference.explained[0], 8);
    expect(projection.explainedVariance[1]).toBeCloseTo(reference.explained[1], 8);
    expect(projection.explainedVariance[0]).toBeGreaterThan(projection.explainedVariance[1]);
    const byImage = new Map(projection.points.map((p) => [p.imageId, p] as const));
    for (const component of [0, 1] as const) {
      const key = component === 0 ? 'x' : 'y';
      const sign = Math.sign(byImage.get(imageIds[0])![key] / reference.points[0][component]);
      imageIds.forEach((imageId, i) => {
        expect(byImage.get(imageId)![key]).toBeCloseTo(sign * reference.points[i][component], 6);
      });
    }
    const first = byImage.get(imageIds[1]);
    expect(first).toMatchObject({ diagnosis: 'mel', skinType: 'II', site: 'back', split: null });
  });

  it('is deterministic: the same call draws the same points', async () => {
    const a = await api.execute<ProjectionData>(QUERY, { m: modelId }, { token });
    const b = await api.execute<ProjectionData>(QUERY, { m: modelId }, { token });
    expect(a.data).toEqual(b.data);
  });

  it('with a dataset version: only its images, the frozen label and split', async () => {
    const result = await api.execute<ProjectionData>(QUERY, { m: modelId, v: versionId }, { token });
    expect(result.errors).toBeUndefined();
    const points = result.data!.embeddingProjection.points;
    expect(points).toHaveLength(10);
    const third = points.find((p) => p.imageId === imageIds[3]);
    expect(third).toMatchObject({ diagnosis: 'nv', split: 'TEST' });
    expect(points.find((p) => p.imageId === imageIds[4])).toMatchObject({
      diagnosis: 'mel',
      split: 'TRAIN',
    });
  });

  it('samples at most limit points, the same sample every time', async () => {
    const a = await api.execute<ProjectionData>(QUERY, { m: modelId, l: 7 }, { token });
    const b = await api.execute<ProjectionData>(QUERY, { m: modelId, l: 7 }, { token });
    expect(a.data!.embeddingProjection.points).toHaveLength(7);
    expect(a.data!.embeddingProjection.total).toBe(COUNT);
    expect(a.data!.embeddingProjection.points.map((p) => p.imageId)).toEqual(
      b.data!.embeddingProjection.points.map((p) => p.imageId),
    );
  });

  it.each([
    ['an unknown model', { m: randomUUID() }, 'NOT_FOUND', /No model with id/],
    ['a model id that is no UUID', { m: 'nope' }, 'NOT_FOUND', /No model with id/],
    ['an unknown dataset version', { v: randomUUID() }, 'NOT_FOUND', /No dataset version/],
    ['limit 0', { l: 0 }, 'BAD_USER_INPUT', /"limit" must be from 1 to 5000; got 0/],
    ['limit 5001', { l: 5001 }, 'BAD_USER_INPUT', /"limit" must be from 1 to 5000; got 5001/],
  ])('refuses %s', async (_name, variables, code, message) => {
    const result = await api.execute<ProjectionData>(QUERY, { m: modelId, ...variables }, { token });
    expect(errorCodes(result)).toEqual([code]);
    expect(result.errors![0].message).toMatch(message);
    expect(result.data).toBeNull();
  });

  it('says which job makes embeddings when a model has none', async () => {
    const result = await api.execute<ProjectionData>(QUERY, { m: emptyModelId }, { token });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(result.errors![0].message).toMatch(/has no stored embeddings; an EMBED job makes them/);
  });
});

describe('embeddingModels and imageSummaries', () => {
  it('lists a model with embeddings, its count and dimension, and not one without', async () => {
    const result = await api.execute<{ embeddingModels: { id: string }[] }>(
      '{ embeddingModels { id kind embeddingCount dim aliases } }',
      {},
      { token },
    );
    const models = result.data!.embeddingModels;
    expect(models.find((m) => m.id === modelId)).toEqual({
      id: modelId,
      kind: 'BACKBONE',
      embeddingCount: COUNT,
      dim: DIM,
      aliases: [],
    });
    expect(models.find((m) => m.id === emptyModelId)).toBeUndefined();
  });

  it('summarises images by id (best label now), leaving unknown ids out, and refuses an empty list', async () => {
    const result = await api.execute(
      'query($ids: [ID!]!) { imageSummaries(ids: $ids) { imageId diagnosis skinType site } }',
      { ids: [imageIds[0], randomUUID()] },
      { token },
    );
    expect(result.data!.imageSummaries).toEqual([
      { imageId: imageIds[0], diagnosis: 'nv', skinType: 'V', site: 'face' },
    ]);
    const empty = await api.execute('{ imageSummaries(ids: []) { imageId } }', {}, { token });
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(empty.errors![0].message).toMatch(/"ids" must hold 1 to 500 ids; got 0/);
  });
});
