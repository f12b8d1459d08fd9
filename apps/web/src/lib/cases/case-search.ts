// The cases page keeps its whole state in the URL, so a filtered (and paged) view can be shared or bookmarked.

import type { SkinType } from '@/gql/graphql';

export type { SkinType };

// In the order the filter offers them; the checks below fail to compile if the schema's SkinType changes.
export const SKIN_TYPES = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'UNKNOWN',
] as const satisfies readonly SkinType[];
[] as Exclude<SkinType, (typeof SKIN_TYPES)[number]>[] satisfies never[];
export type LabelledChoice = 'yes' | 'no';

export const DEFAULT_PAGE_SIZE = 24;
export const MAX_PAGE_SIZE = 100;

export interface CaseSearch {
  diagnosis: string[];
  site: string[];
  source: string[];
  skinType: SkinType[];
  labelled?: LabelledChoice;
  pageSize: number;
  /** Cursor stack: every `after` cursor from page 2 up to the current page (last = current). Empty on page 1. */
  after: string[];
  /** Human-readable notes about URL values that were ignored, shown above the results. */
  ignored: string[];
}

export interface CaseFilter {
  diagnosis?: string[];
  site?: string[];
  source?: string[];
  skinType?: SkinType[];
  labelled?: boolean;
}

type SearchParams = Record<string, string | string[] | undefined>;

function listParam(params: SearchParams, name: string): string[] {
  const value = params[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(values.map((item) => item.trim()).filter(Boolean))];
}

export function parseCaseSearch(params: SearchParams): CaseSearch {
  const ignored: string[] = [];
  const skinType: SkinType[] = [];
  for (const value of listParam(params, 'skinType')) {
    if ((SKIN_TYPES as readonly string[]).includes(value)) skinType.push(value as SkinType);
    else ignored.push(`skinType "${value}" is not one of ${SKIN_TYPES.join(', ')}`);
  }
  const labelledValue = listParam(params, 'labelled')[0];
  let labelled: LabelledChoice | undefined;
  if (labelledValue === 'yes' || labelledValue === 'no') labelled = labelledValue;
  else if (labelledValue !== undefined && labelledValue !== 'any')
    ignored.push(`labelled "${labelledValue}" is not yes, no or any`);
  const sizeValue = listParam(params, 'size')[0];
  let pageSize = DEFAULT_PAGE_SIZE;
  if (sizeValue !== undefined) {
    const parsed = Number(sizeValue);
    if (Number.isInteger(parsed) && parsed >= 1 && parsed <= MAX_PAGE_SIZE) pageSize = parsed;
    else ignored.push(`size "${sizeValue}" is not a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  // The stack keeps its order and duplicates, so listParam (which dedupes) is not used here.
  const rawAfter = params.after;
  const after = (Array.isArray(rawAfter) ? rawAfter : rawAfter === undefined ? [] : [rawAfter]).filter(
    Boolean,
  );
  return {
    diagnosis: listParam(params, 'diagnosis'),
    site: listParam(params, 'site'),
    source: listParam(params, 'source'),
    skinType,
    labelled,
    pageSize,
    after,
    ignored,
  };
}

export function toCaseFilter(search: CaseSearch): CaseFilter {
  const filter: CaseFilter = {};
  if (search.diagnosis.length) filter.diagnosis = search.diagnosis;
  if (search.site.length) filter.site = search.site;
  if (search.source.length) filter.source = search.source;
  if (search.skinType.length) filter.skinType = search.skinType;
  if (search.labelled) filter.labelled = search.labelled === 'yes';
  return filter;
}

export function hasActiveFilters(search: CaseSearch): boolean {
  return Object.keys(toCaseFilter(search)).length > 0;
}

/** The /cases URL for `search` with its cursor stack replaced by `after` (pass [] for the first page). */
export function buildCasesHref(search: CaseSearch, after: string[] = search.after): string {
  const params = new URLSearchParams();
  for (const value of search.diagnosis) params.append('diagnosis', value);
  for (const value of search.site) params.append('site', value);
  for (const value of search.source) params.append('source', value);
  for (const value of search.skinType) params.append('skinType', value);
  if (search.labelled) params.set('labelled', search.labelled);
  if (search.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(search.pageSize));
  for (const cursor of after) params.append('after', cursor);
  const query = params.toString();
  return query ? `/cases?${query}` : '/cases';
}
