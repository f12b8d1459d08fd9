import { type CaseFilter, parseCaseSearch, toCaseFilter } from '@/lib/cases/case-search';

type SearchParams = Record<string, string | string[] | undefined>;

export interface CurationSearch {
  filter: CaseFilter;
  /** Form defaults (one value per field). */
  values: { diagnosis: string; site: string; source: string; skinType: string; labelled: string };
  version: string | undefined;
  run: string | undefined;
  /** Cases per grid page (`size`, 1..100, default 48). */
  pageSize: number;
  /** Cursor stack, as on the cases page: one `after` per grid page after the first (last = current). */
  after: string[];
}

export const GRID_PAGE_SIZE = 48;

const one = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** The curation page's URL state: the grid's filters (as the cases page reads them), the audited version, the import run. */
export function parseCurationSearch(params: SearchParams): CurationSearch {
  const search = parseCaseSearch(params);
  return {
    filter: toCaseFilter(search),
    values: {
      diagnosis: search.diagnosis[0] ?? '',
      site: search.site[0] ?? '',
      source: search.source[0] ?? '',
      skinType: search.skinType[0] ?? '',
      labelled: search.labelled ?? '',
    },
    version: one(params.version),
    run: one(params.run),
    // The cases page's default page size is 24; the grid's tiles are smaller, so it shows 48 unless asked.
    pageSize: params.size === undefined ? GRID_PAGE_SIZE : search.pageSize,
    after: search.after,
  };
}
