// Shapes of the API's datasets, versions, composition and leakage report as the datasets page uses them: the first
// three from the documents in dataset-queries.ts, the leakage report (a JSON scalar) checked by readLeakageReport.

import type { Confirmation, DatasetCompositionsQuery, DatasetsQuery, Sex, Split } from '@/gql/graphql';

export type { Split } from '@/gql/graphql';
export { SKIN_TYPES } from '@/lib/cases/case-search';

export const SPLITS = ['TRAIN', 'VAL', 'TEST'] as const satisfies readonly Split[];
[] as Exclude<Split, (typeof SPLITS)[number]>[] satisfies never[];

export const CONFIRMATIONS = [
  'HISTOPATHOLOGY',
  'CONSENSUS',
  'FOLLOW_UP',
  'CONFOCAL',
  'SINGLE_READER',
  'MODEL',
] as const satisfies readonly Confirmation[];
[] as Exclude<Confirmation, (typeof CONFIRMATIONS)[number]>[] satisfies never[];

export const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const satisfies readonly Sex[];
[] as Exclude<Sex, (typeof SEXES)[number]>[] satisfies never[];

export type Dataset = DatasetsQuery['datasets']['edges'][number]['node'];
export type DatasetVersion = Dataset['versions'][number];
export type DatasetComposition =
  DatasetCompositionsQuery['datasets']['edges'][number]['node']['versions'][number]['composition'];
export type CountBy = DatasetComposition['bySplit'][number];

/** checkDatasetVersionLeakage's report (the API's JSON scalar). */
export interface LeakageReport {
  intact: boolean;
  clean: boolean;
  images: number;
  splits: Record<Split, number>;
  counts: { lesion: number; patient: number; duplicate: number };
  leaks: { kind: string; key: string; splits: string[]; imageIds: string[] }[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The report if the JSON has the fields the page reads, else null (shown as "unknown"). */
export function readLeakageReport(json: unknown): LeakageReport | null {
  if (!isObject(json) || typeof json.intact !== 'boolean' || typeof json.clean !== 'boolean') return null;
  if (typeof json.images !== 'number' || !isObject(json.counts) || !Array.isArray(json.leaks)) return null;
  return { splits: { TRAIN: 0, VAL: 0, TEST: 0 }, ...json } as unknown as LeakageReport;
}

export type LeakageStatus = 'clean' | 'leaking' | 'tampered' | 'unknown';

export function statusOfLeakage(report: LeakageReport | null): LeakageStatus {
  if (!report) return 'unknown';
  if (!report.intact) return 'tampered';
  return report.clean ? 'clean' : 'leaking';
}
