import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUpload, ensureEmbeddingIndex, type ModelVersionRecord, writeEmbeddings } from '@dermino/db';
import { createTestCase, createTestUser, uniqueName } from '@dermino/db/testing';
import { storeImage } from '@dermino/ingest';
import { createInferenceSession } from '@dermino/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from './support/fingerprint.js';
import { createTestPng, registerTinyServedModel } from './support/served-model.js';
import { createTestApi, errorCodes, type TestApi } from './support/test-api.js';

let api: TestApi;
let home: string;
let model: ModelVersionRecord;
let token: string;
let userId: string;
let uploadId: string;
const images: { id: string; site: string; vector: number[] }[] = [];
let unembeddedImageId: string;

// Six cases: sites alternate, diagnoses nv / mel / bcc, every other one confirmed by histopathology.
const PLAN = [
  { site: 'back', concept: 'nv', confirmation: 'HISTOPATHOLOGY' },
  { site: 'face', concept: 'mel', confirmation: 'SINGLE_READER' },
  { site: 'back', concept: 'mel', confirmation: 'HISTOPATHOLOGY' },
  { site: 'face', concept: 'bcc', confirmation: 'SINGLE_READER' },
  { site: 'back', concept: 'nv', confirmation: 'HISTOPATHOLOGY' },
  { site: 'face', concept: 'nv', confirmation: 'SINGLE_READER' },
] as const;

const SEARCH = `query($input: SimilarCasesInput!) { similarCases(input: $input) {
  modelVersionId
  cases { similarity image { id } case { id site } diagnosis { concept { code } confirmation annotator } }
  diagnosisDistribution { concept { code } count fraction } } }`;

const cosine = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((v, i) => {
    dot += v * b[i];
    na += v * v;
    nb += b[i] * b[i];
  });
  return dot / Math.sqrt(na * nb);
};

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-similar-'));
  api = await createTestApi({ home });
  const user = await createTestUser(api.db, { role: 'CLINICIAN' });
  userId = user.id;
  token = api.tokenFor(user);
  model = await registerTinyServedModel(api.db, home, { seed: 5 });
  const session = await createInferenceSession({
    modelPath: path.join(home, model.artifacts[0].storageKey),
    maxWaitMs: 0,
  });
  const source = uniqueName('similar');
  for (const [index, plan] of PLAN.entries()) {
    const stored = await storeImage(await createTestPng(index * 7 + 1), { root: path.join(home, 'images') });
    const created = await createTestCase(api.db, {
      source,
      site: plan.site,
      images: [{ storageKey: stored.storageKey }],
      annotations: [{ concept: plan.concept, confirmation: plan.confirmation, image: 0 }],
    });
    const working = fs.readFileSync(path.join(home, 'images', stored.storageKey, 'working.webp'));
    const [prediction] = await session.predict([working]);
    images.push({ id: created.images[0].id, site: plan.site, vector: Array.from(prediction.embedding) });
  }
  await session.close();
  await writeEmbeddings(api.db, {
    modelVersionId: model.id,
    dim: 64,
    rows: images.map((image) => ({ imageId: image.id, vector: image.vector })),
  });
  await ensureEmbeddingIndex(api.db, { modelVersionId: model.id, dim: 64 });
  unembeddedImageId = (await createTestCase(api.db, { source })).images[0].id;
  // The clinician uploads the very image of case 2.
  const again = await storeImage(await createTestPng(2 * 7 + 1), { root: path.join(home, 'images') });
  const { sha256, storageKey, width, height, format } = again;
  uploadId = (await createUpload(api.db, { userId, sha256, storageKey, width, height, format, bytes: 1 })).id;
});
afterAll(async () => {
  await api?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

const search = (input: Record<string, unknown>) =>
  api.execute(SEARCH, { input: { modelId: model.id, ...input } }, { token });

describe('similarCases', () => {
  it('returns the exact nearest neighbours of a registry image (HNSW = brute force here), itself excluded', async () => {
    const result = await search({ imageId: images[0].id, k: 3 });
    expect(result.errors).toBeUndefined();
    const expected = images
      .slice(1)
      .map((image) => ({ id: image.id, similarity: cosine(images[0].vector, image.vector) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 3);
    const got = result.data!.similarCases.cases;
    expect(got.map((c: any) => c.image.id)).toEqual(expected.map((e) => e.id));
    got.forEach((c: any, i: number) => expect(c.similarity).toBeCloseTo(expected[i].similarity, 4));
    expect(result.data!.similarCases.modelVersionId).toBe(model.id);
  });

  it('finds the same image first for an upload (embedded now, similarity 1), with diagnosis provenance and distribution', async () => {
    const result = await search({ uploadId, k: 6 });
    expect(result.errors).toBeUndefined();
    const { cases, diagnosisDistribution } = result.data!.similarCases;
    expect(cases[0].image.id).toBe(images[2].id);
    expect(cases[0].similarity).toBeCloseTo(1, 4);
    expect(cases[0].diagnosis).toEqual({
      concept: { code: 'mel' },
      confirmation: 'HISTOPATHOLOGY',
      annotator: 'test-reader',
    });
    expect(diagnosisDistribution).toEqual([
      { concept: { code: 'nv' }, count: 3, fraction: 0.5 },
      { concept: { code: 'mel' }, count: 2, fraction: 2 / 6 },
      { concept: { code: 'bcc' }, count: 1, fraction: 1 / 6 },
    ]);
  });

  it('filters by site, confirmation and diagnosis (with descendants)', async () => {
    const bySite = await search({ uploadId, k: 6, filter: { site: ['face'] } });
    expect(bySite.data!.similarCases.cases.map((c: any) => c.case.site)).toEqual(['face', 'face', 'face']);
    const confirmed = await search({ uploadId, k: 6, filter: { confirmedOnly: true } });
    expect(confirmed.data!.similarCases.cases.map((c: any) => c.diagnosis.confirmation)).toEqual([
      'HISTOPATHOLOGY',
      'HISTOPATHOLOGY',
      'HISTOPATHOLOGY',
    ]);
    const melanocytic = await search({ uploadId, k: 6, filter: { diagnosis: ['melanocytic'] } });
    expect(melanocytic.data!.similarCases.cases.map((c: any) => c.diagnosis.concept.code).sort()).toEqual([
      'mel',
      'mel',
      'nv',
      'nv',
      'nv',
    ]);
  });

  it('audits every case it shows as read', async () => {
    await search({ imageId: images[0].id, k: 2 });
    expect(
      await api.db.auditEvent.count({ where: { userId, action: 'case.similar' } }),
    ).toBeGreaterThanOrEqual(2);
  });

  it('records helpful / not helpful once per user, model, query and result (the latest verdict wins)', async () => {
    const rate = (helpful: boolean) =>
      api.execute(
        'mutation($input: RateSimilarCaseInput!) { rateSimilarCase(input: $input) { id helpful } }',
        { input: { modelId: model.id, queryUploadId: uploadId, resultImageId: images[2].id, helpful } },
        { token },
      );
    const first = await rate(true);
    const second = await rate(false);
    expect(first.errors).toBeUndefined();
    expect(second.data!.rateSimilarCase).toEqual({ id: first.data!.rateSimilarCase.id, helpful: false });
    const rows = await api.db.similarCaseFeedback.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      queryUploadId: uploadId,
      resultImageId: images[2].id,
      helpful: false,
      modelVersionId: model.id,
    });
  });
});

describe('similarCases: bad input, a clear error and no change to the data', () => {
  const cases = [
    {
      name: 'an image without an embedding',
      input: () => ({ imageId: unembeddedImageId }),
      code: 'CONFLICT',
      message: /has no embedding for model .*run an EMBED job/,
    },
    {
      name: 'k: 500',
      input: () => ({ imageId: images[0].id, k: 500 }),
      code: 'BAD_USER_INPUT',
      message: /"k" must be from 1 to 50; got 500/,
    },
    {
      name: 'both imageId and uploadId',
      input: () => ({ imageId: images[0].id, uploadId }),
      code: 'BAD_USER_INPUT',
      message: /exactly one of uploadId and imageId/,
    },
    {
      name: 'an unknown diagnosis with SQL in it',
      input: () => ({ imageId: images[0].id, filter: { diagnosis: ["x') OR 1=1 --"] } }),
      code: 'BAD_USER_INPUT',
      message: /Unknown diagnosis code/,
    },
    {
      name: 'a model id that is not a UUID',
      input: () => ({ imageId: images[0].id, modelId: '\'; DROP TABLE "Embedding"; --' }),
      code: 'BAD_USER_INPUT',
      message: /"modelId" is not an id from this API/,
    },
  ];
  it.each(cases)('$name', async ({ input, code, message }) => {
    const before = await fingerprint(api.db, { userIds: [userId], folder: path.join(home, 'images') });
    const embeddings = await api.db.embedding.count({ where: { modelVersionId: model.id } });
    const result = await api.execute(SEARCH, { input: { modelId: model.id, ...input() } }, { token });
    expect(errorCodes(result)).toEqual([code]);
    expect(result.errors?.[0].message).toMatch(message);
    expect(await fingerprint(api.db, { userIds: [userId], folder: path.join(home, 'images') })).toBe(before);
    expect(await api.db.embedding.count({ where: { modelVersionId: model.id } })).toBe(embeddings);
  });

  it('a model with no embeddings at all', async () => {
    const bare = await registerTinyServedModel(api.db, home, { seed: 6 });
    const result = await api.execute(
      SEARCH,
      { input: { modelId: bare.id, imageId: images[0].id } },
      { token },
    );
    expect(errorCodes(result)).toEqual(['CONFLICT']);
    expect(result.errors?.[0].message).toMatch(/has no embeddings to search yet/);
  });

  it('SQL metacharacters in a site filter are only a value: no match, nothing changed', async () => {
    const result = await search({
      imageId: images[0].id,
      filter: { site: ['back\'; DELETE FROM "Embedding"; --'] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.similarCases.cases).toEqual([]);
    expect(await api.db.embedding.count({ where: { modelVersionId: model.id } })).toBe(6);
  });
});
