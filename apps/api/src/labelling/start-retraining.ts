import {
  AppError,
  type CurationFilter,
  claimRetraining,
  enqueueJob,
  findModelVersionByAlias,
  getDatasetVersionById,
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
  return findModelVersionByAlias(context.db, { alias: 'champion' });
}

type Trigger = 'loop' | 'on-demand';

/** Why a retraining cannot start: the loop logs it and waits; on demand it is the caller's error. */
class NotRetrainable extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }
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
  try {
    return await retrain(context, userId, { trigger: 'loop', every });
  } catch (error) {
    if (!(error instanceof NotRetrainable)) throw error;
    if (error.code === 'NOT_FOUND')
      context.logger.warn({ loop: 'labelling' }, `${error.message} Loop skipped.`);
    return null;
  }
}

/**
 * The same retraining, asked for now (the data team or a manager): it needs a champion with a backbone and a
 * frozen dataset, and at least one label (from any source) since the champion or the previous retraining. Each
 * refusal is a one-line error; nothing is frozen or queued then.
 */
export async function startRetrainingNow(
  context: Context,
  userId: string,
  expectedChampionId?: string | null,
): Promise<RetrainingStarted> {
  try {
    return await retrain(context, userId, { trigger: 'on-demand', every: 1, expectedChampionId });
  } catch (error) {
    if (error instanceof NotRetrainable) throw new AppError(error.code, { message: error.message });
    throw error;
  }
}

async function retrain(
  context: Context,
  userId: string | null,
  options: { trigger: Trigger; every: number; expectedChampionId?: string | null },
): Promise<RetrainingStarted> {
  const champion = await currentChampion(context);
  if (!champion)
    throw new NotRetrainable('NOT_FOUND', 'There is no champion to retrain: promote a classifier first.');
  if (options.expectedChampionId && options.expectedChampionId !== champion.id)
    throw new NotRetrainable(
      'CONFLICT',
      `The champion has changed since you looked: it is now ${champion.name}. Reload the page and try again.`,
    );
  const log = context.logger.child({ loop: 'labelling', championId: champion.id });
  const base = champion.datasetVersionId
    ? await getDatasetVersionById(context.db, { id: champion.datasetVersionId })
    : null;
  if (!champion.parentId || !base || !isSplitConfig(base.splitConfig)) {
    throw new NotRetrainable(
      'NOT_FOUND',
      `The champion ${champion.name} has no backbone or no frozen dataset with split settings to retrain from.`,
    );
  }
  const claim = await claimRetraining(context.db, {
    every: options.every,
    since: champion.createdAt,
    championId: champion.id,
    userId,
    count: options.trigger === 'loop' ? 'queue' : 'annotations',
    trigger: options.trigger,
  });
  if (!claim)
    throw new NotRetrainable(
      'CONFLICT',
      options.trigger === 'loop'
        ? 'Not due.'
        : 'No label was added since the champion was registered or the last retraining: there is nothing new to learn from.',
    );
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
    note:
      options.trigger === 'loop'
        ? `Frozen by the labelling loop: ${claim.labels} new queue labels since ${claim.since.toISOString()}.`
        : `Frozen for a retraining asked for on demand: ${claim.labels} new labels since ${claim.since.toISOString()}.`,
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
      details: {
        kind: job.kind,
        trigger: options.trigger === 'loop' ? 'labelling-loop' : 'on-demand',
        labels: claim.labels,
      },
    });
  }
  log.info(
    { datasetVersionId, finetuneJobId: finetune.id, evaluateJobId: evaluate.id },
    `${claim.labels} new labels: retraining queued (${options.trigger}).`,
  );
  return { datasetVersionId, finetuneJobId: finetune.id, evaluateJobId: evaluate.id, labels: claim.labels };
}
