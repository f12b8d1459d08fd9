import {
  type DbClient,
  findDatasetVersionItems,
  getDatasetVersionById,
  verifyDatasetVersion,
} from '@dermino/db';
import { findLeakage, type LeakageReport } from './find-leakage.js';

export interface LeakageCheck extends LeakageReport {
  versionId: string;
  dataset: string;
  version: number;
  /** The stored items still hash to the version's content hash. */
  intact: boolean;
}

/** Leakage of a frozen version: lesions, patients or exact duplicates on more than one side of its split. */
export async function checkDatasetVersionLeakage(
  db: DbClient,
  options: { versionId: string },
): Promise<LeakageCheck> {
  const version = await getDatasetVersionById(db, { id: options.versionId });
  const [items, verification] = await Promise.all([
    findDatasetVersionItems(db, { datasetVersionId: version.id }),
    verifyDatasetVersion(db, { id: version.id }),
  ]);
  return {
    versionId: version.id,
    dataset: version.datasetName,
    version: version.version,
    intact: verification.intact,
    ...findLeakage(items),
  };
}
