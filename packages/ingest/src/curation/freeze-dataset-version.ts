import {
  type CurationFilter,
  createDatasetVersion,
  type DatasetVersionItemInput,
  type Db,
  type FrozenDatasetVersion,
  findConceptIdsWithDescendants,
  findCurationImages,
  type Split,
} from '@dermino/db';
import { adjudicateLabel } from './adjudicate-label.js';
import { assignSplits, type SplitRatios } from './assign-splits.js';
import { findLeakage, type LeakageReport } from './find-leakage.js';

export interface FreezeDatasetVersionOptions {
  db: Db;
  name: string;
  filter: CurationFilter;
  ratios: SplitRatios;
  groupBy: 'lesion' | 'patient';
  seed: number;
  /** Strata of the split: the label (default), or the label within each skin type. */
  stratifyBy?: 'label' | 'label-and-skin-type';
  /**
   * Where unlabelled images go: split like the others (default), or all to TRAIN (for pretraining), so VAL and
   * TEST hold labelled images only. An unlabelled image whose group landed in VAL or TEST is then left out.
   */
  unlabelledTo?: 'split' | 'TRAIN';
  createdBy?: string | null;
  note?: string | null;
}

export interface FreezeSummary {
  version: FrozenDatasetVersion;
  images: number;
  bySplit: Record<Split, number>;
  /** Images per adjudicated label (code, or "unlabelled") and split. */
  byLabel: Record<string, Record<Split, number>>;
  /** Images left out because their annotations tie: they need a reviewer. */
  ties: { imageId: string; candidates: string[] }[];
  unlabelled: number;
  leakage: LeakageReport;
}

const serialiseFilter = (filter: CurationFilter) =>
  JSON.parse(
    JSON.stringify(filter, (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value)),
  );

/**
 * Freezes a version from a filter: the matching images, each with its adjudicated label and a seeded split
 * stratified by label and grouped by lesion or patient, written once with a content hash over all of it.
 */
export async function freezeDatasetVersion(options: FreezeDatasetVersionOptions): Promise<FreezeSummary> {
  const { db, filter } = options;
  const images = await findCurationImages(db, { filter });
  // A diagnosis filter keeps images whose adjudicated label is in the subtree, not any image with a stray vote for it.
  const allowed = filter.diagnosis?.length
    ? new Set(await findConceptIdsWithDescendants(db, { codes: filter.diagnosis }))
    : null;
  const ties: FreezeSummary['ties'] = [];
  const kept = [];
  for (const image of images) {
    const label = adjudicateLabel(image.annotations);
    if (label.tie) ties.push({ imageId: image.id, candidates: label.candidates });
    else if (!allowed || (label.conceptId && allowed.has(label.conceptId))) kept.push({ image, label });
  }
  const groupOf = (image: (typeof images)[number]) => (options.groupBy === 'patient' ? image.patientId : image.caseId);
  const toTrain = options.unlabelledTo === 'TRAIN';
  const splits = assignSplits(
    kept
      .filter(({ label }) => !toTrain || label.conceptCode)
      .map(({ image, label }) => ({
        id: image.id,
        group: groupOf(image),
        stratum: `${label.conceptCode ?? 'unlabelled'}${options.stratifyBy === 'label-and-skin-type' ? ` / ${image.skinType ?? 'unknown'}` : ''}`,
        sha256: image.sha256,
      })),
    { ratios: options.ratios, seed: options.seed },
  );
  if (toTrain) {
    const heldOutGroups = new Set(kept.filter(({ image }) => splits.get(image.id) && splits.get(image.id) !== 'TRAIN').map(({ image }) => groupOf(image)));
    for (let index = kept.length - 1; index >= 0; index--) {
      const { image, label } = kept[index];
      if (label.conceptCode) continue;
      // Keeping it would put its patient (or lesion) on both sides of the split.
      if (heldOutGroups.has(groupOf(image))) kept.splice(index, 1);
      else splits.set(image.id, 'TRAIN');
    }
  }
  const items: DatasetVersionItemInput[] = kept.map(({ image, label }) => ({
    imageId: image.id,
    conceptId: label.conceptId,
    split: splits.get(image.id)!,
  }));
  const version = await createDatasetVersion(db, {
    datasetName: options.name,
    filter: serialiseFilter(filter),
    splitConfig: {
      ratios: options.ratios,
      groupBy: options.groupBy,
      seed: options.seed,
      method: 'stratified-group-greedy',
      stratifyBy: options.stratifyBy ?? 'label',
      unlabelledTo: options.unlabelledTo ?? 'split',
    },
    createdBy: options.createdBy,
    note: options.note,
    items,
  });
  const byLabel: FreezeSummary['byLabel'] = {};
  const bySplit: Record<Split, number> = { TRAIN: 0, VAL: 0, TEST: 0 };
  for (const { image, label } of kept) {
    const split = splits.get(image.id)!;
    const key = label.conceptCode ?? 'unlabelled';
    byLabel[key] ??= { TRAIN: 0, VAL: 0, TEST: 0 };
    byLabel[key][split]++;
    bySplit[split]++;
  }
  const leakage = findLeakage(
    kept.map(({ image }) => ({
      imageId: image.id,
      split: splits.get(image.id)!,
      caseId: image.caseId,
      patientId: image.patientId,
      sha256: image.sha256,
    })),
  );
  return {
    version,
    images: kept.length,
    bySplit,
    byLabel,
    ties,
    unlabelled: kept.filter(({ label }) => !label.conceptId).length,
    leakage,
  };
}
