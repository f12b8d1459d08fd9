import { type Db, type FrozenDatasetVersion, getDatasetVersionById, getMeta, setMeta } from '@dermino/db';
import { freezeDatasetVersion } from '@dermino/ingest';
import { HOSPITAL_SITES } from '@dermino/synth';

export const DEMO_DATASET = 'synthetic-demo';
const META_KEY = 'demo-dataset-version';
export const DEMO_FILTER = { source: [...HOSPITAL_SITES] };

/**
 * Freezes the demo dataset version once, the way a data team would (ingest's freeze): every synthetic image
 * (labelled or not: pretraining uses both), its adjudicated label, and a 70/15/15 split stratified by label and
 * grouped by patient (so every lesion stays on one side). Later calls return the same version.
 */
export async function freezeDemoDatasetVersion(db: Db): Promise<FrozenDatasetVersion> {
  const known = await getMeta<{ id: string }>(db, META_KEY);
  if (known) return getDatasetVersionById(db, { id: known.id });
  const { version, leakage } = await freezeDatasetVersion({
    db,
    name: DEMO_DATASET,
    filter: DEMO_FILTER,
    ratios: { TRAIN: 0.7, VAL: 0.15, TEST: 0.15 },
    groupBy: 'patient',
    seed: 0,
    createdBy: 'system',
    note: 'The synthetic demo registry, frozen by the demo pipeline on first start.',
  });
  await setMeta(db, META_KEY, { id: version.id, leakageFree: leakage.clean });
  return version;
}
