import http from 'node:http';
import type { Db } from '@dermino/db';

/**
 * The reference measured in the same run: a plain HTTP server answering the same page (50 newest cases with
 * patient, images, annotations and concepts, and the total) with ONE hand-written SQL statement, as
 * PostGraphile compiles a query; no GraphQL, no auth, no audit. What the API adds is the difference.
 */
export async function startReferenceServer(db: Db): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (_req, res) => {
    const rows = await db.$queryRaw<{ page: unknown }[]>`
      SELECT json_build_object('totalCount', (SELECT count(*) FROM "Case"), 'edges', coalesce(json_agg(row_to_json(c)), '[]')) AS page
      FROM (
        SELECT k."id", k."site", k."source", k."createdAt",
          (SELECT row_to_json(p) FROM (SELECT "sex", "skinType", "ageBand" FROM "Patient" WHERE "id" = k."patientId") p) AS patient,
          (SELECT coalesce(json_agg(i ORDER BY i."createdAt"), '[]') FROM (SELECT "id", "modality", "createdAt" FROM "Image" WHERE "caseId" = k."id") i) AS images,
          (SELECT coalesce(json_agg(a ORDER BY a."createdAt"), '[]') FROM (
             SELECT a."id", a."confirmation", a."annotator", a."createdAt", d."code", d."name"
             FROM "Annotation" a JOIN "DiagnosisConcept" d ON d."id" = a."conceptId"
             WHERE a."caseId" = k."id" OR a."imageId" IN (SELECT "id" FROM "Image" WHERE "caseId" = k."id")) a) AS annotations
        FROM "Case" k ORDER BY k."createdAt" DESC, k."id" DESC LIMIT 50
      ) c`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { cases: rows[0].page } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
