import { buildCaseFilterSql, buildKeysetSql } from './case-filter-sql.js';
import {
  type CaseJson,
  type CaseRelations,
  caseFromSql,
  caseJsonSql,
  parseCaseJson,
} from './case-json-sql.js';
import { buildCasePageSql, type CasePageAudit } from './case-page-sql.js';
import { type DbClient, Prisma, type SkinType } from './client.js';
import { conceptSelect, findConceptIdsWithDescendants } from './concepts.js';
import { AppError } from './errors.js';
import type { ImageRecord } from './images.js';

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

// The record shapes (types only: case-json-sql.ts builds exactly these keys in SQL, one statement per page).
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
  /** Record the read: one audit event listing the page's case ids (none for an empty page), same statement. */
  audit?: CasePageAudit | null;
  /** Count every case matching the filter (default true); false leaves totalCount null and skips the count. */
  withTotal?: boolean;
  /** The relations to fill (default all); one left out is an empty list. */
  relations?: CaseRelations;
}

export interface CasePage {
  cases: CaseRecord[];
  /** Null when not asked for (withTotal: false). */
  totalCount: number | null;
  hasNextPage: boolean;
}

/** One page of cases, newest first, with the total matching the filter (ignoring the cursor) unless withTotal is false. */
export async function findCases(db: DbClient, options: FindCasesOptions): Promise<CasePage> {
  const { first, after } = options;
  if (!Number.isInteger(first) || first < 1 || first > MAX_CASE_PAGE_SIZE) {
    throw new AppError('BAD_INPUT', {
      message: `first must be an integer from 1 to ${MAX_CASE_PAGE_SIZE}; got ${first}.`,
      details: { argument: 'first' },
    });
  }
  const filter = options.filter;
  const conceptIds = filter?.diagnosis?.length
    ? await findConceptIdsWithDescendants(db, { codes: filter.diagnosis })
    : [];
  const where = buildCaseFilterSql(filter, conceptIds);
  const [row] = await db.$queryRaw<{ totalCount: number | null; cases: CaseJson[] }[]>(
    buildCasePageSql({
      where,
      keyset: buildKeysetSql(after),
      limit: first,
      audit: options.audit,
      withTotal: options.withTotal ?? true,
      relations: options.relations,
    }),
  );
  return {
    cases: row.cases.slice(0, first).map(parseCaseJson),
    totalCount: row.totalCount,
    hasNextPage: row.cases.length > first,
  };
}

/** One case with the relations asked for (default all; one left out is an empty list), or null. */
export async function getCaseById(
  db: DbClient,
  options: { id: string; relations?: CaseRelations },
): Promise<CaseRecord | null> {
  const [row] = await db.$queryRaw<{ found: CaseJson }[]>`
    SELECT ${caseJsonSql(options.relations)} AS "found" FROM ${caseFromSql(Prisma.sql`"Case"`)} WHERE k."id" = ${options.id}`;
  return row ? parseCaseJson(row.found) : null;
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
