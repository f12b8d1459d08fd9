import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/client.js';
import { analyzeEmbeddings, ensureEmbeddingIndex, writeEmbeddings } from '../src/embeddings.js';
import { findSimilarCaseImages } from '../src/similar-cases.js';
import { connectTestDb } from './support/test-db.js';

// Enough rows that the planner takes the HNSW index (as at 100k in apps/api's benchmark), one image in five at
// the filtered site: the search must still return k images, the exact nearest ones.
const COUNT = 3000;
const DIM = 16;
let db: Db;
let close: () => Promise<void>;
let modelId: string;
const vectors = new Map<string, { vector: number[]; site: string }>();
let seed = 7;
const uniform = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32 - 0.5;
};

beforeAll(async () => {
  ({ db, close } = await connectTestDb());
  const source = `similar-${randomUUID()}`;
  const patient = await db.patient.create({ data: { pseudonym: source, source } });
  const sites = ['face', 'back', 'arm', 'leg', 'trunk'];
  const cases = await Promise.all(sites.map((site) => db.case.create({ data: { patientId: patient.id, source, site } })));
  const images = Array.from({ length: COUNT }, (_, i) => ({ id: randomUUID(), caseId: cases[i % 5].id, source }));
  await db.image.createMany({ data: images });
  modelId = (await db.modelVersion.create({ data: { name: source, kind: 'BACKBONE', config: {} } })).id;
  const rows = images.map((image, i) => {
    const vector = Array.from({ length: DIM }, uniform);
    vectors.set(image.id, { vector, site: sites[i % 5] });
    return { imageId: image.id, vector };
  });
  await writeEmbeddings(db, { modelVersionId: modelId, dim: DIM, rows });
  await ensureEmbeddingIndex(db, { modelVersionId: modelId, dim: DIM });
  await analyzeEmbeddings(db);
}, 120_000);
afterAll(() => close?.());

const cosineDistance = (a: number[], b: number[]) => {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d] * b[d];
  return 1 - dot / (Math.hypot(...a) * Math.hypot(...b));
};

describe('findSimilarCaseImages', () => {
  it('uses the model HNSW index once the statistics are fresh', async () => {
    const plan = await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN SELECT "imageId" FROM "Embedding" WHERE "modelVersionId" = $1 ORDER BY ("vector"::vector(${DIM})) <=> ($2::vector(${DIM})) LIMIT 10`,
      modelId,
      `[${Array(DIM).fill(0.1).join(',')}]`,
    );
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toMatch(/Index Scan using "Embedding_hnsw_/);
  });

  it('returns k images through a filter that keeps one in five, nearly all of the exact nearest', async () => {
    let found = 0;
    for (let q = 0; q < 10; q++) {
      const query = Array.from({ length: DIM }, uniform);
      const hits = await findSimilarCaseImages(db, { modelVersionId: modelId, vector: query, k: 10, filter: { sites: ['face'] } });
      expect(hits).toHaveLength(10);
      for (const hit of hits) expect(vectors.get(hit.imageId)!.site).toBe('face');
      const exact = [...vectors.entries()]
        .filter(([, v]) => v.site === 'face')
        .map(([id, v]) => ({ id, distance: cosineDistance(query, v.vector) }))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 10);
      const truth = new Set(exact.map((e) => e.id));
      found += hits.filter((hit) => truth.has(hit.imageId)).length;
    }
    expect(found / 100).toBeGreaterThanOrEqual(0.9);
  });
});
