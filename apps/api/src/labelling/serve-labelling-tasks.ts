import { type LabellingStrategy, type RankedLabellingTask, rankLabellingQueue } from '@dermino/analytics';
import {
  AppError,
  findLabellingCandidates,
  isAppError,
  type LabellingFilter,
  type LabellingTaskRecord,
  recordAuditEvents,
  reserveLabellingTasks,
} from '@dermino/db';
import type { Context } from '../context.js';
import type { LoadedModel } from '../inference/load-model.js';
import { labellingConfig } from './labelling-config.js';
import { type ScoredCandidate, scoreCandidates } from './score-candidates.js';

async function loadRanker(
  context: Context,
  strategy: LabellingStrategy,
  modelId: string | null,
): Promise<LoadedModel | null> {
  try {
    return await context.services.models.get({ modelId });
  } catch (error) {
    // RANDOM needs no model: without a champion it serves images with no suggestion.
    if (strategy === 'RANDOM' && isAppError(error) && error.details?.reason === 'NO_CHAMPION') return null;
    throw error;
  }
}

/** Second reads owed come first (those the model doubts most first), then unlabelled images by the strategy. */
function rank(scored: ScoredCandidate[], strategy: LabellingStrategy, count: number): RankedLabellingTask[] {
  const second = scored.filter((c) => c.row.round === 2);
  const ranked = rankLabellingQueue(second, { strategy: 'DISAGREEMENT', count });
  const rankedIds = new Set(ranked.map((task) => task.id));
  for (const candidate of second) {
    if (!rankedIds.has(candidate.id) && ranked.length < count) {
      ranked.push({
        id: candidate.id,
        kind: 'DISAGREEMENT',
        score: Number.NaN,
        reason: 'A second read of an earlier answer.',
      });
    }
  }
  if (strategy === 'DISAGREEMENT') return ranked;
  const first = scored.filter((c) => c.row.round === 1);
  return [
    ...ranked,
    ...rankLabellingQueue(first, { strategy, count: count - ranked.length, seed: Date.now() % 2 ** 31 }),
  ];
}

/**
 * Picks and reserves up to `count` images for the reader: candidates from the registry, scored by the champion,
 * ranked (packages/analytics), reserved so no other reader gets them. Serving an image shows its case: audited.
 */
export async function serveLabellingTasks(
  context: Context,
  input: {
    readerId: string;
    batchId: string | null;
    strategy: LabellingStrategy;
    count: number;
    filter: LabellingFilter;
    modelId: string | null;
  },
): Promise<{ batchId: string; tasks: LabellingTaskRecord[] }> {
  const config = labellingConfig(context.config);
  const loaded = await loadRanker(context, input.strategy, input.modelId);
  if (loaded && !loaded.session.metadata.classNames.length && input.strategy !== 'RANDOM') {
    throw new AppError('CONFLICT', {
      message: `The champion ${loaded.model.name} has no classifier output to rank by; use strategy RANDOM or promote a classifier.`,
      details: { argument: 'strategy' },
    });
  }
  const rows = await findLabellingCandidates(context.db, {
    readerId: input.readerId,
    limit: config.poolSize,
    filter: input.filter,
  });
  const scored = await scoreCandidates(context.config.home, loaded, rows);
  // The whole pool in order: images another reader reserves meanwhile are passed over for the next ones.
  const ranked = rank(scored, input.strategy, scored.length);
  const byId = new Map(scored.map((c) => [c.id, c]));
  const reserved = await reserveLabellingTasks(context.db, {
    readerId: input.readerId,
    batchId: input.batchId,
    strategy: input.strategy,
    ttlSeconds: config.reservationSeconds,
    take: input.count,
    tasks: ranked.map((task) => {
      const candidate = byId.get(task.id) as ScoredCandidate;
      return {
        imageId: task.id,
        round: candidate.row.round,
        reason: task.reason,
        suggestion: candidate.suggestion,
      };
    }),
  });
  await recordAuditEvents(
    context.db,
    reserved.tasks.map((task) => ({
      userId: input.readerId,
      action: 'case.label',
      entityType: 'Case',
      entityId: (byId.get(task.imageId) as ScoredCandidate).row.caseId,
      details: { imageId: task.imageId },
    })),
  );
  return reserved;
}
