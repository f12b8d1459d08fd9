// tsx bench/similar-cases.ts: similar-case search (findSimilarCaseImages, the resolver's query) at 100,000
// embeddings on a fresh embedded Postgres: p50/p95 latency and recall@10 against exact search computed in the same
// run, unfiltered and with a site filter. Results appended to BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeEmbeddings, createDb, ensureDatabase, ensureEmbeddingIndex, findSimilarCaseImages, migrateDatabase, writeEmbeddings } from '@dermino/db';

const COUNT = Number(process.env.BENCH_EMBEDDINGS ?? 100_000);
const DIM = Number(process.env.BENCH_DIM ?? 64);
const QUERIES = 200;
const K = 10;
const SITES = ['back', 'face', 'arm', 'leg', 'trunk'];

// Clustered vectors, as embeddings of images of a few hundred kinds are: 200 centres, noise around each.
let seed = 42;
const uniform = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return (seed + 0.5) / 2 ** 32;
};
const gaussian = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
const centres = Array.from({ length: 200 }, () => Float32Array.from({ length: DIM }, gaussian));
const sample = () => {
  const centre = centres[Math.floor(uniform() * centres.length)];
  return Float32Array.from(centre, (v) => v + 0.6 * gaussian());
};
const norm = (v: Float32Array) => Math.hypot(...v);

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-similar-bench-'));
const database = await ensureDatabase({ home });
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
try {
  await migrateDatabase({ url: database.url });
  const db = createDb({ url: database.url });
  const cases = Math.ceil(COUNT / 10);
  // Rows through SQL: 1,000 patients, COUNT / 10 cases of 10 images each (deterministic ids).
  await db.$executeRawUnsafe(`INSERT INTO "Patient" (id, pseudonym, source) SELECT md5('p' || g)::uuid::text, 'bench-' || g, 'bench' FROM generate_series(0, 999) g`);
  await db.$executeRawUnsafe(
    `INSERT INTO "Case" (id, "patientId", source, "externalId", site) SELECT md5('c' || g)::uuid::text, md5('p' || (g % 1000))::uuid::text, 'bench', 'c' || g, (ARRAY['${SITES.join("','")}'])[1 + g % ${SITES.length}] FROM generate_series(0, ${cases - 1}) g`,
  );
  await db.$executeRawUnsafe(`INSERT INTO "Image" (id, "caseId", source) SELECT md5('i' || g)::uuid::text, md5('c' || (g / 10))::uuid::text, 'bench' FROM generate_series(0, ${COUNT - 1}) g`);
  const ids = (await db.$queryRawUnsafe<{ id: string; site: string }[]>(`SELECT i.id, c.site FROM "Image" i JOIN "Case" c ON c.id = i."caseId" ORDER BY i.id`));
  const model = await db.modelVersion.create({ data: { name: 'bench', kind: 'BACKBONE', config: {} } });
  const vectors = ids.map(() => sample());
  let started = performance.now();
  for (let i = 0; i < ids.length; i += 2000) {
    await writeEmbeddings(db, { modelVersionId: model.id, dim: DIM, rows: ids.slice(i, i + 2000).map((row, j) => ({ imageId: row.id, vector: vectors[i + j] })) });
  }
  const insertSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await ensureEmbeddingIndex(db, { modelVersionId: model.id, dim: DIM });
  await analyzeEmbeddings(db);
  const indexSeconds = (performance.now() - started) / 1000;
  const norms = vectors.map(norm);

  const exact = (query: Float32Array, site?: string) => {
    const qn = norm(query);
    const scored: [number, number][] = [];
    for (let i = 0; i < vectors.length; i++) {
      if (site && ids[i].site !== site) continue;
      let dot = 0;
      for (let d = 0; d < DIM; d++) dot += query[d] * vectors[i][d];
      scored.push([1 - dot / (qn * norms[i]), i]);
    }
    scored.sort((a, b) => a[0] - b[0]);
    return new Set(scored.slice(0, K).map(([, i]) => ids[i].id));
  };
  // The plan of the search statement, to show whether the HNSW index serves it.
  const probe = `[${Array.from(sample()).join(',')}]`;
  const plan = await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
    `EXPLAIN SELECT "imageId" FROM "Embedding" e WHERE e."modelVersionId" = $1 AND e."dim" = ${DIM} ORDER BY (e."vector"::vector(${DIM})) <=> ($2::vector(${DIM})) LIMIT ${K}`,
    model.id,
    probe,
  );
  const usesIndex = plan.some((line) => /Index Scan using "?Embedding_hnsw/.test(line['QUERY PLAN']));
  console.log(plan.map((line) => line['QUERY PLAN']).join('\n'));
  const rows = [];
  for (const site of [undefined, 'face']) {
    const latencies: number[] = [];
    let found = 0;
    let returned = 0;
    for (let q = 0; q < QUERIES; q++) {
      const query = sample();
      const t = performance.now();
      const hits = await findSimilarCaseImages(db, { modelVersionId: model.id, vector: query, k: K, filter: site ? { sites: [site] } : {} });
      latencies.push(performance.now() - t);
      const truth = exact(query, site);
      found += hits.filter((hit) => truth.has(hit.imageId)).length;
      returned += hits.length;
    }
    rows.push({ filter: site ? `site = ${site} (1 in 5)` : 'none', p50: percentile(latencies, 50), p95: percentile(latencies, 95), recall: found / (QUERIES * K), returned: returned / QUERIES });
  }
  await db.$disconnect();
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const load = os.loadavg()[0].toFixed(1);
  const lines = rows.map((r) => `| ${date} | ${COUNT} | ${DIM} | ${r.filter} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.recall.toFixed(3)} | ${r.returned.toFixed(1)} | ${usesIndex ? 'yes' : 'NO'} | ${insertSeconds.toFixed(0)} | ${indexSeconds.toFixed(0)} | ${load} |`);
  console.log(['| date (UTC) | embeddings | dim | filter | p50 ms | p95 ms | recall@10 | results per query | HNSW used | insert s | HNSW build s | load avg |', ...lines].join('\n'));
  if (process.env.BENCH_APPEND !== '0') fs.appendFileSync(new URL('../BENCHMARKS.md', import.meta.url), `${lines.join('\n')}\n`);
} finally {
  await database.close();
  fs.rmSync(home, { recursive: true, force: true });
}
