// Shapes of the API's datasets, versions, composition and leakage report as the datasets page uses them.

export type Split = 'TRAIN' | 'VAL' | 'TEST';
export const SPLITS: readonly Split[] = ['TRAIN', 'VAL', 'TEST'];
export const SKIN_TYPES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'UNKNOWN'] as const;

export interface CountBy {
  key: string;
  count: number;
}

export interface DatasetComposition {
  total: number;
  labelled: number;
  bySplit: CountBy[];
  byDiagnosis: CountBy[];
  bySkinType: CountBy[];
  cells: { split: Split; diagnosis: string | null; skinType: string | null; count: number }[];
}

export interface DatasetVersion {
  id: string;
  version: number;
  contentHash: string;
  createdAt: string;
  itemCount: number;
  note: string | null;
}

export interface Dataset {
  id: string;
  name: string;
  description: string | null;
  versions: DatasetVersion[];
}

/** checkDatasetVersionLeakage's report (the API's JSON scalar). */
export interface LeakageReport {
  intact: boolean;
  clean: boolean;
  images: number;
  splits: Record<Split, number>;
  counts: { lesion: number; patient: number; duplicate: number };
  leaks: { kind: string; key: string; splits: string[]; imageIds: string[] }[];
}

export type LeakageStatus = 'clean' | 'leaking' | 'tampered' | 'unknown';

export function statusOfLeakage(report: LeakageReport | null): LeakageStatus {
  if (!report) return 'unknown';
  if (!report.intact) return 'tampered';
  return report.clean ? 'clean' : 'leaking';
}
