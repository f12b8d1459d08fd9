// Why PostGraphile's page costs the database half of what the API's does: the annotations of a case read with
// `caseId = k.id OR imageId = ANY(images of k)` (the API's case-json-sql.ts, and the reference) against two
// equality lookups (PostGraphile: annotationsByCaseId, and annotationsByImageId inside each image), over the
// 51 newest cases of the benchmark's data. `npx tsx bench/explain-annotations.ts` (EXPLAIN_CASES, default 300).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, ensureDatabase, migrateDatabase } from '@dermino/db';
import { seedBenchCases } from './seed-cases.js';

const CASES = Number(process.env.EXPLAIN_CASES ?? 300);
const PAGE = `(SELECT * FROM "Case" ORDER BY "createdAt" DESC, "id" DESC LIMIT 51) k`;
const STATEMENTS = {
  'OR (API, reference)': `SELECT (SELECT json_agg(a."id") FROM "Annotation" a JOIN "DiagnosisConcept" d ON d."id" = a."conceptId"
      WHERE a."caseId" = k."id" OR a."imageId" = ANY(ARRAY(SELECT im."id" FROM "Image" im WHERE im."caseId" = k."id")))
    FROM ${PAGE}`,
  'two equality lookups (PostGraphile)': `SELECT
      (SELECT json_agg(a."id") FROM "Annotation" a JOIN "DiagnosisConcept" d ON d."id" = a."conceptId" WHERE a."caseId" = k."id"),
      (SELECT json_agg((SELECT json_agg(a."id") FROM "Annotation" a JOIN "DiagnosisConcept" d ON d."id" = a."conceptId"
         WHERE a."imageId" = im."id")) FROM "Image" im WHERE im."caseId" = k."id")
    FROM ${PAGE}`,
};

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-explain-'));
const database = await ensureDatabase({ home });
try {
  await migrateDatabase({ url: database.url });
  const db = createDb({ url: database.url });
  await seedBenchCases(db, CASES);
  for (const [name, sql] of Object.entries(STATEMENTS)) {
    for (let i = 0; i < 5; i += 1) await db.$queryRawUnsafe(sql);
    const started = performance.now();
    for (let i = 0; i < 20; i += 1) await db.$queryRawUnsafe(sql);
    const ms = (performance.now() - started) / 20;
    const plan = await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ANALYZE ${sql}`);
    console.log(`\n${name}: ${ms.toFixed(1)} ms per statement (sequential, 20 runs)`);
    for (const line of plan) console.log(`  ${line['QUERY PLAN']}`);
  }
  await db.$disconnect();
} finally {
  await database.close();
  fs.rmSync(home, { recursive: true, force: true });
}
