import { type Db, type FrozenDatasetVersion, getDatasetVersionById, getMeta, setMeta } from '@dermino/db';
import { freezeDatasetVersion } from '@dermino/ingest';
import { HOSPITAL_SITES } from '@dermino/synth';

export const DEMO_DATASET = 'synthetic-demo';
const META_KEY = 'demo-dataset-version';
export const DEMO_FILTER = { source: [...HOSPITAL_SITES] };

/**
 * Freezes the demo dataset version once, the way a data team would (ingest's freeze): the synthetic images with
 * their adjudicated labels. VAL and TEST hold labelled images only, 60/10/30 of them stratified by diagnosis within
 * skin type (so the bias page has 30+ test images in several skin types); every unlabelled image goes to TRAIN for
 * pretraining, except those of a patient held out (grouped by patient: nobody straddles two splits).
 * Later calls return the same version.
 */
export async function freezeDemoDatasetVersion(db: Db): Promise<FrozenDatasetVersion> {
  const known = await getMeta<{ id: string }>(db, META_KEY);
  if (known) return getDatasetVersionById(db, { id: known.id });
  const { version, leakage } = await freezeDatasetVersion({
    db,
    name: DEMO_DATASET,
    filter: DEMO_FILTER,
    ratios: { TRAIN: 0.6, VAL: 0.1, TEST: 0.3 },
    groupBy: 'patient',
    stratifyBy: 'label-and-skin-type',
    unlabelledTo: 'TRAIN',
    seed: 0,
    createdBy: 'system',
    note: 'The synthetic demo registry, frozen by the demo pipeline on first start.',
  });
  await setMeta(db, META_KEY, { id: version.id, leakageFree: leakage.clean });
  return version;
}
