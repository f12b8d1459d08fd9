import type { AnnotationRecord, CaseRecord } from './cases.js';
import { Prisma } from './client.js';
import type { ImageRecord } from './images.js';

/**
 * The cases of `source` (a table or CTE of Case rows) as `k` with their patients as `p`. A join, not a subquery
 * per case: with a few hundred patients the planner costs a sequential scan below an index probe and ran one per
 * case (10 of the page's 25 ms in EXPLAIN ANALYZE, 300 patients); the join reads the table once.
 */
export function caseFromSql(source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${source} k JOIN "Patient" p ON p."id" = k."patientId"`;
}

/**
 * The relations of a case a read fills; one left out comes back as an empty list (the query did not ask for it).
 * Annotations bring the images with them (an annotation's image is one of the case's image objects).
 * `imageColumns`: the image columns to fill besides `id` (absent: all); the others are left undefined.
 */
export interface CaseRelations {
  images: boolean;
  annotations: boolean;
  imageColumns?: readonly ImageColumn[];
}
export const ALL_CASE_RELATIONS: CaseRelations = { images: true, annotations: true };

/** The image columns a case read can fill (ImageRecord's, less id, always filled, and caseId, the case's). */
export const IMAGE_COLUMNS = [
  'source',
  'status',
  'width',
  'height',
  'modality',
  'device',
  'capturedAt',
  'createdAt',
  'brightness',
  'contrast',
  'colorCast',
  'blurVariance',
] as const;
export type ImageColumn = (typeof IMAGE_COLUMNS)[number];

// Names from the fixed list above only, never from input: safe to splice into the statement.
const imageJsonObject = (columns: readonly ImageColumn[]) =>
  Prisma.raw(
    `json_build_object('id', i."id"${columns
      .filter((column) => IMAGE_COLUMNS.includes(column))
      .map((column) => `, '${column}', i."${column}"`)
      .join('')})`,
  );

const imagesJsonSql = (columns: readonly ImageColumn[]) => Prisma.sql`coalesce((
    SELECT json_agg(${imageJsonObject(columns)} ORDER BY i."createdAt", i."id")
    FROM "Image" i WHERE i."caseId" = k."id"), '[]'::json)`;

const annotationsJsonSql = Prisma.sql`coalesce((
    SELECT json_agg(json_build_object('id', a."id", 'imageId', a."imageId", 'caseId', a."caseId",
        'annotator', a."annotator", 'confirmation', a."confirmation", 'createdAt', a."createdAt",
        'concept', json_build_object('id', d."id", 'code', d."code", 'name', d."name",
          'malignant', d."malignant", 'parentId', d."parentId")) ORDER BY a."createdAt", a."id")
    -- Said of the case, or of one of its images and not also of the case (so an annotation naming both is one
    -- row): two indexed lookups. One condition with OR (caseId = k.id OR imageId = ANY(...)) took 24.5 ms per
    -- page of 50 against 5.6 ms (EXPLAIN ANALYZE, apps/api/bench/explain-annotations.ts).
    FROM (
      SELECT a0.* FROM "Annotation" a0 WHERE a0."caseId" = k."id"
      UNION ALL
      SELECT a1.* FROM "Image" im JOIN "Annotation" a1 ON a1."imageId" = im."id"
      WHERE im."caseId" = k."id" AND a1."caseId" IS DISTINCT FROM k."id"
    ) a
    JOIN "DiagnosisConcept" d ON d."id" = a."conceptId"),
    '[]'::json)`;

/**
 * One case row (alias `k`, joined to its patient as `p` by the caller: `caseFromSql`) as JSON with its patient,
 * images and annotations (each with its concept), built by
 * the database in the same statement that picks the cases: the embedded Postgres runs one statement at a time,
 * so a page costs one round trip instead of one per relation level. The keys match the Prisma selects of
 * cases.ts, images.ts and concepts.ts (CaseRecord); timestamps arrive as ISO text without a zone (UTC). *
 * Only the relations asked for are read: a page that shows no images neither reads nor serialises them.
 */
export function caseJsonSql(relations: CaseRelations = ALL_CASE_RELATIONS): Prisma.Sql {
  return Prisma.sql`json_build_object(
  'id', k."id", 'externalId', k."externalId", 'source', k."source", 'site', k."site", 'createdAt', k."createdAt",
  'patient', json_build_object('id', p."id", 'pseudonym', p."pseudonym", 'sex', p."sex",
                'ageBand', p."ageBand", 'skinType', p."skinType"),
  'images', ${relations.images || relations.annotations ? imagesJsonSql(relations.imageColumns ?? IMAGE_COLUMNS) : Prisma.sql`'[]'::json`},
  'annotations', ${relations.annotations ? annotationsJsonSql : Prisma.sql`'[]'::json`}
)`;
}

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
type AnnotationJson = Json<Omit<AnnotationRecord, 'image' | 'concept'>> & {
  concept: AnnotationRecord['concept'];
};
/** What caseJsonSql builds, before its timestamps are parsed. */
export type CaseJson = Json<Omit<CaseRecord, 'images' | 'annotations'>> & {
  /** Without caseId: it is the case's id. */
  images: Json<Omit<ImageRecord, 'caseId'>>[];
  annotations: AnnotationJson[];
};

// Prisma stores DateTime as timestamp(3) without zone, in UTC; json renders it as ISO text without the zone.
function parseTimestamp(text: string): Date {
  return new Date(`${text}Z`);
}

/**
 * A CaseRecord from caseJsonSql's JSON, converted in place (a page is ~100 objects: no copies to collect);
 * an annotation's image is the case's image object it names (or null).
 */
export function parseCaseJson(row: CaseJson): CaseRecord {
  const imageById = new Map<string, ImageRecord>();
  for (const json of row.images) {
    const image = json as unknown as ImageRecord;
    image.caseId = row.id;
    // Columns the read left out stay undefined (CaseRelations.imageColumns).
    if (json.createdAt !== undefined) image.createdAt = parseTimestamp(json.createdAt);
    if (json.capturedAt !== undefined)
      image.capturedAt = json.capturedAt === null ? null : parseTimestamp(json.capturedAt);
    imageById.set(image.id, image);
  }
  for (const json of row.annotations) {
    const annotation = json as unknown as AnnotationRecord;
    annotation.createdAt = parseTimestamp(json.createdAt);
    annotation.image = json.imageId ? (imageById.get(json.imageId) ?? null) : null;
  }
  const found = row as unknown as CaseRecord;
  found.createdAt = parseTimestamp(row.createdAt);
  return found;
}
