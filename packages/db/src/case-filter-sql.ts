import type { CaseFilter, CaseKeyset } from './cases.js';
import { Prisma } from './client.js';

// Conditions over the case row aliased `k`. Every value is a bound parameter (Prisma.sql), never spliced text.

/** Has an annotation matching `condition` (over alias `a`), on the case or on one of its images. */
function hasAnnotationSql(condition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(EXISTS (SELECT 1 FROM "Annotation" a WHERE a."caseId" = k."id" AND ${condition})
    OR EXISTS (SELECT 1 FROM "Image" i JOIN "Annotation" a ON a."imageId" = i."id"
               WHERE i."caseId" = k."id" AND ${condition}))`;
}

/**
 * The filter as one SQL condition. Diagnosis codes arrive already expanded to concept ids (with descendants),
 * so an unknown code has been refused before. An empty list means "no restriction", as an empty multi-select.
 */
export function buildCaseFilterSql(
  filter: CaseFilter | null | undefined,
  conceptIds: readonly string[],
): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (filter?.diagnosis?.length) {
    and.push(hasAnnotationSql(Prisma.sql`a."conceptId" = ANY(${[...conceptIds]}::text[])`));
  }
  if (filter?.site?.length) and.push(Prisma.sql`k."site" = ANY(${[...filter.site]}::text[])`);
  if (filter?.skinType?.length) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Patient" p WHERE p."id" = k."patientId"
      AND p."skinType"::text = ANY(${[...filter.skinType]}::text[]))`);
  }
  if (filter?.source?.length) {
    const sources = [...filter.source];
    and.push(Prisma.sql`(k."source" = ANY(${sources}::text[])
      OR EXISTS (SELECT 1 FROM "Image" i WHERE i."caseId" = k."id" AND i."source" = ANY(${sources}::text[])))`);
  }
  if (filter?.labelled === true) and.push(hasAnnotationSql(Prisma.sql`TRUE`));
  if (filter?.labelled === false) and.push(Prisma.sql`NOT ${hasAnnotationSql(Prisma.sql`TRUE`)}`);
  return and.length > 0 ? Prisma.join(and, ' AND ') : Prisma.sql`TRUE`;
}

/** Rows after the keyset position in the order createdAt DESC, id DESC. */
export function buildKeysetSql(after: CaseKeyset | null | undefined): Prisma.Sql {
  if (!after) return Prisma.sql`TRUE`;
  return Prisma.sql`(k."createdAt" < ${after.createdAt}
    OR (k."createdAt" = ${after.createdAt} AND k."id" < ${after.id}))`;
}
