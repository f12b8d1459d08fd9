import {
  type CurationFilter,
  claimRetraining,
  enqueueJob,
  getDatasetVersionById,
  getModelVersionByAlias,
  isAppError,
  type ModelVersionRecord,
  recordAuditEvent,
} from '@dermino/db';
import { freezeDatasetVersion, type SplitRatios } from '@dermino/ingest';
import type { Context } from '../context.js';
import { labellingConfig } from './labelling-config.js';

export interface RetrainingStarted {
  datasetVersionId: string;
  finetuneJobId: string;
  evaluateJobId: string;
  labels: number;
}

interface SplitConfig {
  ratios: SplitRatios;
  groupBy: 'lesion' | 'patient';
  seed: number;
  stratifyBy?: 'label' | 'label-and-skin-type';
  unlabelledTo?: 'split' | 'TRAIN';
}

const isSplitConfig = (value: unknown): value is SplitConfig => {
  const config = value as Partial<SplitConfig> | null;
  return Boolean(
    config?.ratios &&
      typeof config.ratios.TRAIN === 'number' &&
      (config.groupBy === 'lesion' || config.groupBy === 'patient') &&
      typeof config.seed === 'number',
  );
};

// Filters are stored as JSON: dates come back as ISO strings.
const readFilter = (stored: unknown): CurationFilter => {
  const filter = { ...(stored as Record<string, unknown>) };
  for (const key of ['capturedFrom', 'capturedTo'] as const)
    if (typeof filter[key] === 'string') filter[key] = new Date(filter[key] as string);
  return filter as CurationFilter;
};

async function currentChampion(context: Context): Promise<ModelVersionRecord | null> {
  return getModelVersionByAlias(context.db, { alias: 'champion' }).catch((error) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  });
}

/**
 * The loop: once `retrainEvery` queue labels arrived since the champion was registered (or since the last
 * retraining), freezes a new version of the champion's dataset (same filter and split settings, so it holds the new
 * labels), then queues a FINETUNE of a new head on the champion's backbone and an EVALUATE of it on the new
 * version's test split. The champion stays until a manager promotes the new model. Returns null when not due.
 */
export async function startRetrainingIfDue(
  context: Context,
  userId: string | null,
): Promise<RetrainingStarted | null> {
  const every = labellingConfig(context.config).retrainEvery;
  if (every <= 0) return null;
  const champion = await currentChampion(context);
  if (!champion) return null;
  const log = context.logger.child({ loop: 'labelling', championId: champion.id });
  const base = champion.datasetVersionId
    ? await getDatasetVersionById(context.db, { id: champion.datasetVersionId })
    : null;
  if (!champion.parentId || !base || !isSplitConfig(base.splitConfig)) {
    log.warn(
      'The champion has no backbone or no frozen dataset with split settings to retrain from: loop skipped.',
    );
    return null;
  }
  const claim = await claimRetraining(context.db, {
    every,
    since: champion.createdAt,
    championId: champion.id,
    userId,
  });
  if (!claim) return null;
  const split = base.splitConfig;
  const frozen = await freezeDatasetVersion({
    db: context.db,
    name: base.datasetName,
    filter: readFilter(base.filter),
    ratios: split.ratios,
    groupBy: split.groupBy,
    seed: split.seed,
    stratifyBy: split.stratifyBy,
    unlabelledTo: split.unlabelledTo,
    createdBy: userId,
    note: `Frozen by the labelling loop: ${claim.labels} new queue labels since ${claim.since.toISOString()}.`,
  });
  const config = (champion.config ?? {}) as { method?: string; seed?: number };
  const method = config.method === 'knn' || config.method === 'finetune' ? config.method : 'linear';
  const queue = await context.services.getQueue();
  const datasetVersionId = frozen.version.id;
  const finetune = await enqueueJob(context.db, queue, {
    kind: 'FINETUNE',
    payload: {
      backbone: { modelVersionId: champion.parentId },
      datasetVersionId,
      method,
      labelFraction: 1,
      seed: config.seed ?? 0,
      name: `${champion.name.slice(0, 80)}-relabelled`,
    },
    createdBy: userId,
  });
  const evaluate = await enqueueJob(context.db, queue, {
    kind: 'EVALUATE',
    payload: { model: { fromJob: finetune.id }, datasetVersionId, split: 'TEST', after: [finetune.id] },
    createdBy: userId,
  });
  for (const job of [finetune, evaluate]) {
    await recordAuditEvent(context.db, {
      userId,
      action: 'job.enqueue',
      entityType: 'Job',
      entityId: job.id,
      details: { kind: job.kind, trigger: 'labelling-loop', labels: claim.labels },
    });
  }
  log.info(
    { datasetVersionId, finetuneJobId: finetune.id, evaluateJobId: evaluate.id },
    `${claim.labels} new labels: retraining queued.`,
  );
  return { datasetVersionId, finetuneJobId: finetune.id, evaluateJobId: evaluate.id, labels: claim.labels };
}
