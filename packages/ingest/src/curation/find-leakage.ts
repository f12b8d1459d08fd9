import type { Split } from '@dermino/db';

export interface LeakageItem {
  imageId: string;
  split: Split;
  caseId: string;
  patientId: string;
  sha256: string | null;
}

export type LeakKind = 'lesion' | 'patient' | 'duplicate';

export interface Leak {
  kind: LeakKind;
  key: string;
  splits: Split[];
  imageIds: string[];
}

export interface LeakageReport {
  images: number;
  splits: Record<Split, number>;
  counts: Record<LeakKind, number>;
  /** The first leaks of each kind (all are counted). */
  leaks: Leak[];
  clean: boolean;
}

const KEYS: Record<LeakKind, (item: LeakageItem) => string | null> = {
  lesion: (item) => item.caseId,
  patient: (item) => item.patientId,
  duplicate: (item) => item.sha256,
};

/** Lesions, patients and exact duplicates (same sha256) that appear in more than one split. */
export function findLeakage(
  items: readonly LeakageItem[],
  options: { maxListed?: number } = {},
): LeakageReport {
  const report: LeakageReport = {
    images: items.length,
    splits: { TRAIN: 0, VAL: 0, TEST: 0 },
    counts: { lesion: 0, patient: 0, duplicate: 0 },
    leaks: [],
    clean: true,
  };
  for (const item of items) report.splits[item.split]++;
  for (const kind of Object.keys(KEYS) as LeakKind[]) {
    const groups = new Map<string, LeakageItem[]>();
    for (const item of items) {
      const key = KEYS[kind](item);
      if (!key) continue;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    let listed = 0;
    for (const [key, group] of groups) {
      const splits = [...new Set(group.map((item) => item.split))];
      if (splits.length < 2) continue;
      report.counts[kind]++;
      report.clean = false;
      if (listed++ < (options.maxListed ?? 20))
        report.leaks.push({ kind, key, splits: splits.sort(), imageIds: group.map((item) => item.imageId) });
    }
  }
  return report;
}
