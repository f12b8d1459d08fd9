import type { DbClient, Prisma, SkinType } from './client.js';
import { conceptSelect, findConceptIdsWithDescendants } from './concepts.js';
import { AppError } from './errors.js';
import { type ImageRecord, imageSelect } from './images.js';

export const MAX_CASE_PAGE_SIZE = 100;

const patientSelect = {
  id: true,
  pseudonym: true,
  sex: true,
  ageBand: true,
  skinType: true,
} satisfies Prisma.PatientSelect;

const annotationSelect = {
  id: true,
  imageId: true,
  caseId: true,
  annotator: true,
  confirmation: true,
  createdAt: true,
  concept: { select: conceptSelect },
} satisfies Prisma.AnnotationSelect;

// Relation loads, not joins: Prisma batches each level into one `IN` query, so a page costs the
// same number of queries whatever its size.
const caseSelect = {
  id: true,
  externalId: true,
  source: true,
  site: true,
  createdAt: true,
  patient: { select: patientSelect },
  images: {
    select: { ...imageSelect, annotations: { select: annotationSelect, orderBy: { createdAt: 'asc' } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  },
  annotations: { select: annotationSelect, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.CaseSelect;

type CaseRow = Prisma.CaseGetPayload<{ select: typeof caseSelect }>;
type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

export type PatientRecord = Prisma.PatientGetPayload<{ select: typeof patientSelect }>;
export type AnnotationRecord = AnnotationRow & { image: ImageRecord | null };
/** A case with its images and every annotation said of it or of one of its images. */
export interface CaseRecord {
  id: string;
  externalId: string | null;
  source: string;
  site: string;
  createdAt: Date;
  patient: PatientRecord;
  images: ImageRecord[];
  annotations: AnnotationRecord[];
}

export interface CaseFilter {
  /** Concept codes; each matches its descendants too. */
  diagnosis?: readonly string[] | null;
  site?: readonly string[] | null;
  skinType?: readonly SkinType[] | null;
  /** Matches the case's source or any of its images' sources. */
  source?: readonly string[] | null;
  /** Has at least one annotation, on the case or on one of its images. */
  labelled?: boolean | null;
}

/** Keyset position: the last row seen in the order createdAt DESC, id DESC. */
export interface CaseKeyset {
  createdAt: Date;
  id: string;
}

export interface FindCasesOptions {
  filter?: CaseFilter | null;
  first: number;
  after?: CaseKeyset | null;
}

export interface CasePage {
  cases: CaseRecord[];
  totalCount: number;
  hasNextPage: boolean;
}

function toCaseRecord(row: CaseRow): CaseRecord {
  const { images: imageRows, annotations: caseAnnotations, ...rest } = row;
  const images = imageRows.map(({ annotations: _annotations, ...image }) => image);
  const imageById = new Map(images.map((image) => [image.id, image]));
  const byId = new Map<string, AnnotationRow>();
  for (const annotation of [...caseAnnotations, ...imageRows.flatMap((image) => image.annotations)]) {
    byId.set(annotation.id, annotation);
  }
  const annotations = [...byId.values()]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map((annotation) => ({
      ...annotation,
      image: annotation.imageId ? (imageById.get(annotation.imageId) ?? null) : null,
    }));
  return { ...rest, images, annotations };
}

function hasAnnotation(where: Prisma.AnnotationWhereInput): Prisma.CaseWhereInput {
  return { OR: [{ annotations: { some: where } }, { images: { some: { annotations: { some: where } } } }] };
}

async function buildCaseWhere(
  db: DbClient,
  filter: CaseFilter | null | undefined,
): Promise<Prisma.CaseWhereInput> {
  if (!filter) return {};
  // An empty list means "no restriction", as an empty multi-select does in a form.
  const and: Prisma.CaseWhereInput[] = [];
  if (filter.diagnosis?.length) {
    const conceptIds = await findConceptIdsWithDescendants(db, { codes: filter.diagnosis });
    and.push(hasAnnotation({ conceptId: { in: conceptIds } }));
  }
  if (filter.site?.length) and.push({ site: { in: [...filter.site] } });
  if (filter.skinType?.length) and.push({ patient: { skinType: { in: [...filter.skinType] } } });
  if (filter.source?.length) {
    const sources = [...filter.source];
    and.push({ OR: [{ source: { in: sources } }, { images: { some: { source: { in: sources } } } }] });
  }
  if (filter.labelled === true) and.push(hasAnnotation({}));
  if (filter.labelled === false) and.push({ NOT: hasAnnotation({}) });
  return { AND: and };
}

/** One page of cases, newest first, with the total matching the filter (ignoring the cursor). */
export async function findCases(db: DbClient, options: FindCasesOptions): Promise<CasePage> {
  const { first, after } = options;
  if (!Number.isInteger(first) || first < 1 || first > MAX_CASE_PAGE_SIZE) {
    throw new AppError('BAD_INPUT', {
      message: `first must be an integer from 1 to ${MAX_CASE_PAGE_SIZE}; got ${first}.`,
      details: { argument: 'first' },
    });
  }
  const where = await buildCaseWhere(db, options.filter);
  const keyset: Prisma.CaseWhereInput = after
    ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
    : {};
  const [totalCount, rows] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({
      where: { AND: [where, keyset] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: first + 1,
      select: caseSelect,
    }),
  ]);
  return { cases: rows.slice(0, first).map(toCaseRecord), totalCount, hasNextPage: rows.length > first };
}

export async function getCaseById(db: DbClient, options: { id: string }): Promise<CaseRecord | null> {
  const row = await db.case.findUnique({ where: { id: options.id }, select: caseSelect });
  return row ? toCaseRecord(row) : null;
}

/** The distinct sites and sources (of cases and of images), for filter dropdowns. */
export async function getCaseFacets(db: DbClient): Promise<{ sites: string[]; sources: string[] }> {
  // groupBy is a SQL GROUP BY; Prisma's `distinct` would read every row.
  const [sites, caseSources, imageSources] = await Promise.all([
    db.case.groupBy({ by: ['site'], orderBy: { site: 'asc' } }),
    db.case.groupBy({ by: ['source'], orderBy: { source: 'asc' } }),
    db.image.groupBy({ by: ['source'], orderBy: { source: 'asc' } }),
  ]);
  const sources = new Set([...caseSources, ...imageSources].map((row) => row.source));
  return { sites: sites.map((row) => row.site), sources: [...sources].sort() };
}
