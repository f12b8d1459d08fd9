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

const annotationSelect = {
  conceptId: true,
  confirmation: true,
  annotator: true,
  concept: { select: { code: true } },
} satisfies Prisma.AnnotationSelect;

const curationImageSelect = {
  id: true,
  caseId: true,
  sha256: true,
  perceptualHash: true,
  case: { select: { externalId: true, patientId: true, annotations: { select: annotationSelect } } },
  annotations: { select: annotationSelect },
} satisfies Prisma.ImageSelect;

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
  /** The image's annotations and its case's, together. */
  annotations: CurationAnnotation[];
}

async function buildImageWhere(db: DbClient, filter: CurationFilter): Promise<Prisma.ImageWhereInput> {
  const and: Prisma.ImageWhereInput[] = [{ status: { in: filter.status?.length ? [...filter.status] : ['READY'] } }];
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
export async function findCurationImages(db: DbClient, options: { filter: CurationFilter }): Promise<CurationImage[]> {
  const rows = await db.image.findMany({
    where: await buildImageWhere(db, options.filter),
    orderBy: { id: 'asc' },
    select: curationImageSelect,
  });
  const toAnnotation = (row: (typeof rows)[number]['annotations'][number]): CurationAnnotation => ({
    conceptId: row.conceptId,
    conceptCode: row.concept.code,
    confirmation: row.confirmation,
    annotator: row.annotator,
  });
  return rows.map((row) => ({
    id: row.id,
    caseId: row.caseId,
    lesionId: row.case.externalId,
    patientId: row.case.patientId,
    sha256: row.sha256,
    perceptualHash: row.perceptualHash,
    annotations: [...row.annotations, ...row.case.annotations].map(toAnnotation),
  }));
}

/** How many images match, for a preview before freezing. */
export async function countCurationImages(db: DbClient, options: { filter: CurationFilter }): Promise<number> {
  return db.image.count({ where: await buildImageWhere(db, options.filter) });
}
