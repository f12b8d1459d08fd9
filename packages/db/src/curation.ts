import type { Confirmation, DbClient, ImageStatus, Prisma, Sex, SkinType } from './client.js';
import { findConceptIdsWithDescendants } from './concepts.js';

/** Filters over images (and their case and patient); every list is "any of", an empty or absent one no restriction. */
export interface CurationFilter {
  /** Concept codes; each matches its descendants too. Matches an annotation of the image or of its case. */
  diagnosis?: readonly string[];
  confirmation?: readonly Confirmation[];
  site?: readonly string[];
  skinType?: readonly SkinType[];
  sex?: readonly Sex[];
  ageBand?: readonly string[];
  source?: readonly string[];
  device?: readonly string[];
  capturedFrom?: Date;
  capturedTo?: Date;
  labelled?: boolean;
  /** Quality: minimum Laplacian variance (sharpness) measured by the quality job; unmeasured images fail it. */
  minBlurVariance?: number;
  /** Defaults to READY: pending and rejected images have no pixels to train on. */
  status?: readonly ImageStatus[];
}

export interface CurationAnnotation {
  conceptId: string;
  conceptCode: string;
  confirmation: Confirmation;
  annotator: string;
}

export interface CurationImage {
  id: string;
  caseId: string;
  lesionId: string | null;
  patientId: string;
  sha256: string | null;
  perceptualHash: string | null;
  /** The patient's Fitzpatrick type (I..VI), null when unknown: splits can be stratified by it. */
  skinType: string | null;
  /** The image's annotations and its case's, together. */
  annotations: CurationAnnotation[];
}

async function buildImageWhere(db: DbClient, filter: CurationFilter): Promise<Prisma.ImageWhereInput> {
  const and: Prisma.ImageWhereInput[] = [
    { status: { in: filter.status?.length ? [...filter.status] : ['READY'] } },
  ];
  const on = (where: Prisma.AnnotationWhereInput): Prisma.ImageWhereInput => ({
    OR: [{ annotations: { some: where } }, { case: { annotations: { some: where } } }],
  });
  if (filter.diagnosis?.length) {
    and.push(on({ conceptId: { in: await findConceptIdsWithDescendants(db, { codes: filter.diagnosis }) } }));
  }
  if (filter.confirmation?.length) and.push(on({ confirmation: { in: [...filter.confirmation] } }));
  if (filter.labelled === true) and.push(on({}));
  if (filter.labelled === false) and.push({ NOT: on({}) });
  if (filter.site?.length) and.push({ case: { site: { in: [...filter.site] } } });
  const patient: Prisma.PatientWhereInput = {};
  if (filter.skinType?.length) patient.skinType = { in: [...filter.skinType] };
  if (filter.sex?.length) patient.sex = { in: [...filter.sex] };
  if (filter.ageBand?.length) patient.ageBand = { in: [...filter.ageBand] };
  if (Object.keys(patient).length > 0) and.push({ case: { patient } });
  if (filter.source?.length) and.push({ source: { in: [...filter.source] } });
  if (filter.device?.length) and.push({ device: { in: [...filter.device] } });
  if (filter.capturedFrom || filter.capturedTo) {
    and.push({ capturedAt: { gte: filter.capturedFrom, lt: filter.capturedTo } });
  }
  if (filter.minBlurVariance !== undefined) and.push({ blurVariance: { gte: filter.minBlurVariance } });
  return { AND: and };
}

/** Every image matching the filter with what labelling, splitting and leakage checks need, in id order. */
export async function findCurationImages(
  db: DbClient,
  options: { filter: CurationFilter },
): Promise<CurationImage[]> {
  const matching = await db.image.findMany({
    where: await buildImageWhere(db, options.filter),
    select: { id: true },
  });
  const ids = matching.map((image) => image.id);
  if (ids.length === 0) return [];
  // Two joins with one array parameter each: relation loads would bind one parameter per id.
  const images = await db.$queryRaw<Omit<CurationImage, 'annotations'>[]>`
    SELECT image.id, image."caseId", kase."externalId" AS "lesionId", kase."patientId", image.sha256, image."perceptualHash",
           patient."skinType"::text AS "skinType"
    FROM "Image" image JOIN "Case" kase ON kase.id = image."caseId" JOIN "Patient" patient ON patient.id = kase."patientId"
    WHERE image.id = ANY(${ids}::text[])
    ORDER BY image.id`;
  const caseIds = [...new Set(images.map((image) => image.caseId))];
  const annotations = await db.$queryRaw<
    (CurationAnnotation & { imageId: string | null; caseId: string | null })[]
  >`
    SELECT annotation."imageId", annotation."caseId", annotation."conceptId", concept.code AS "conceptCode",
           annotation.confirmation::text AS confirmation, annotation.annotator
    FROM "Annotation" annotation JOIN "DiagnosisConcept" concept ON concept.id = annotation."conceptId"
    WHERE annotation."imageId" = ANY(${ids}::text[]) OR annotation."caseId" = ANY(${caseIds}::text[])`;
  const byOwner = new Map<string, CurationAnnotation[]>();
  for (const { imageId, caseId, ...annotation } of annotations) {
    const owner = imageId ?? `case:${caseId}`;
    const list = byOwner.get(owner);
    if (list) list.push(annotation);
    else byOwner.set(owner, [annotation]);
  }
  return images.map((image) => ({
    ...image,
    annotations: [...(byOwner.get(image.id) ?? []), ...(byOwner.get(`case:${image.caseId}`) ?? [])],
  }));
}

/** How many images match, for a preview before freezing. */
export async function countCurationImages(
  db: DbClient,
  options: { filter: CurationFilter },
): Promise<number> {
  return db.image.count({ where: await buildImageWhere(db, options.filter) });
}
