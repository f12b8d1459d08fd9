import { randomBytes } from 'node:crypto';
import type { Db } from '@dermino/db';
import { freezeDatasetVersion } from '@dermino/ingest';
import { E2E_CASE_SPECS } from './seed-e2e-cases';

export interface SeededVersion {
  name: string;
  versionId: string;
  contentHash: string;
  images: number;
  bySplit: Record<'TRAIN' | 'VAL' | 'TEST', number>;
  /** Expected from the case specs, independently of what the freeze computed. */
  byDiagnosis: Record<string, number>;
  bySkinType: Record<string, number>;
}

const SOURCE = 'hospital-a';

/** One frozen version over the hospital-a e2e cases, through ingest's real freeze (adjudication, splits, hash). */
export async function seedDatasetVersion(db: Db): Promise<SeededVersion> {
  const name = `e2e-hospital-a-${randomBytes(3).toString('hex')}`;
  const summary = await freezeDatasetVersion({
    db,
    name,
    filter: { source: [SOURCE] },
    ratios: { TRAIN: 0.5, VAL: 0.25, TEST: 0.25 },
    groupBy: 'lesion',
    seed: 1,
    note: 'e2e: hospital-a cases',
  });
  const specs = E2E_CASE_SPECS.filter((spec) => spec.source === SOURCE);
  const byDiagnosis: Record<string, number> = {};
  const bySkinType: Record<string, number> = {};
  for (const spec of specs) {
    const code = spec.diagnosis?.code ?? 'unlabelled';
    byDiagnosis[code] = (byDiagnosis[code] ?? 0) + spec.images;
    bySkinType[spec.skinType] = (bySkinType[spec.skinType] ?? 0) + spec.images;
  }
  return {
    name,
    versionId: summary.version.id,
    contentHash: summary.version.contentHash,
    images: summary.images,
    bySplit: summary.bySplit,
    byDiagnosis,
    bySkinType,
  };
}
