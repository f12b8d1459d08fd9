import { createRng } from '../stats/random.js';
import { kCenterGreedy } from './k-center-greedy.js';
import { type UncertaintyMeasure, uncertaintyOf } from './uncertainty.js';

export type LabellingStrategy = 'UNCERTAINTY' | 'DIVERSITY' | 'RANDOM' | 'DISAGREEMENT';

export interface LabellingCandidate {
  id: string;
  /** The model's class probabilities; needed by UNCERTAINTY and DISAGREEMENT. */
  probabilities?: ArrayLike<number> | null;
  /** The backbone's embedding; needed by DIVERSITY (UNCERTAINTY uses it to spread a batch when present). */
  embedding?: ArrayLike<number> | null;
  /** The class index a first reader gave, for second reads (DISAGREEMENT ranks these). */
  firstReadClass?: number | null;
}

export type LabellingReasonKind =
  | 'UNCERTAIN'
  | 'DIVERSE'
  | 'UNCERTAIN_AND_DIVERSE'
  | 'RANDOM'
  | 'DISAGREEMENT';

export interface RankedLabellingTask {
  id: string;
  kind: LabellingReasonKind;
  /** The strategy's own score (uncertainty, distance, 1 - p(first reader's class)); NaN for RANDOM. */
  score: number;
  /** One line for the reader: why this image now. */
  reason: string;
}

export interface RankLabellingOptions {
  strategy: LabellingStrategy;
  /** How many to return. */
  count: number;
  /** Embeddings of images already labelled: diversity starts from them. */
  labelledEmbeddings?: ArrayLike<number>[];
  measure?: UncertaintyMeasure;
  /** RANDOM's seed (default 1). */
  seed?: number;
  /**
   * UNCERTAINTY keeps this many times `count` of the most uncertain candidates, then spreads the batch over
   * them by uncertainty-weighted k-center greedy (default 4).
   */
  poolFactor?: number;
}

const pct = (value: number) => `${Math.round(value * 100)}%`;

function byUncertainty(candidates: LabellingCandidate[], measure: UncertaintyMeasure) {
  return candidates
    .filter((c) => c.probabilities && c.probabilities.length > 1)
    .map((c) => ({ candidate: c, uncertainty: uncertaintyOf(c.probabilities as ArrayLike<number>, measure) }))
    .sort((a, b) => b.uncertainty - a.uncertainty || (a.candidate.id < b.candidate.id ? -1 : 1));
}

function uncertaintyFirst(
  candidates: LabellingCandidate[],
  options: RankLabellingOptions,
): RankedLabellingTask[] {
  const measure = options.measure ?? 'margin';
  const ranked = byUncertainty(candidates, measure);
  const label = measure === 'margin' ? 'margin uncertainty' : 'normalised entropy';
  const pool = ranked.slice(0, Math.max(options.count, Math.ceil(options.count * (options.poolFactor ?? 4))));
  const embedded = pool.length > 0 && pool.every((entry) => entry.candidate.embedding?.length);
  if (!embedded) {
    return pool.slice(0, options.count).map(({ candidate, uncertainty }) => ({
      id: candidate.id,
      kind: 'UNCERTAIN',
      score: uncertainty,
      reason: `The model is unsure (${label} ${pct(uncertainty)}).`,
    }));
  }
  const picks = kCenterGreedy(
    pool.map((entry) => entry.candidate.embedding as ArrayLike<number>),
    {
      count: options.count,
      centres: options.labelledEmbeddings,
      weights: pool.map((entry) => entry.uncertainty),
    },
  );
  return picks.map(({ index }) => ({
    id: pool[index].candidate.id,
    kind: 'UNCERTAIN_AND_DIVERSE',
    score: pool[index].uncertainty,
    reason: `The model is unsure (${label} ${pct(pool[index].uncertainty)}) and the image is unlike those already chosen.`,
  }));
}

function diversity(candidates: LabellingCandidate[], options: RankLabellingOptions): RankedLabellingTask[] {
  const embedded = candidates.filter((c) => c.embedding?.length);
  const picks = kCenterGreedy(
    embedded.map((c) => c.embedding as ArrayLike<number>),
    { count: options.count, centres: options.labelledEmbeddings },
  );
  return picks.map(({ index, distance }) => ({
    id: embedded[index].id,
    kind: 'DIVERSE',
    score: distance,
    reason: Number.isFinite(distance)
      ? `Far from every labelled or chosen image (embedding distance ${distance.toFixed(2)}).`
      : 'The first pick of an unlabelled embedding space.',
  }));
}

function random(candidates: LabellingCandidate[], options: RankLabellingOptions): RankedLabellingTask[] {
  const rng = createRng(options.seed ?? 1);
  const order = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, options.count).map((c) => ({
    id: c.id,
    kind: 'RANDOM',
    score: Number.NaN,
    reason: 'Drawn at random (an unbiased sample for measuring the model).',
  }));
}

function disagreement(
  candidates: LabellingCandidate[],
  options: RankLabellingOptions,
): RankedLabellingTask[] {
  return candidates
    .flatMap((c) => {
      const k = c.firstReadClass;
      if (k === null || k === undefined || !c.probabilities || k < 0 || k >= c.probabilities.length)
        return [];
      return [{ id: c.id, score: 1 - c.probabilities[k] }];
    })
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, options.count)
    .map((entry) => ({
      id: entry.id,
      kind: 'DISAGREEMENT' as const,
      score: entry.score,
      reason: `The model gives the first reader's diagnosis only ${pct(1 - entry.score)}.`,
    }));
}

/**
 * The labelling queue's order: which `count` of the candidates an expert should label next, each with its reason.
 * UNCERTAINTY is uncertainty combined with diversity (the most uncertain pool, spread by weighted k-center
 * greedy on the embeddings) so that one batch does not repeat one kind of lesion; DIVERSITY is plain k-center
 * greedy; DISAGREEMENT ranks second reads by how little the model believes the first reader; RANDOM is seeded.
 * Candidates lacking what a strategy needs (probabilities, embedding, a first read) are left out.
 */
export function rankLabellingQueue(
  candidates: LabellingCandidate[],
  options: RankLabellingOptions,
): RankedLabellingTask[] {
  if (!Number.isInteger(options.count) || options.count < 0) {
    throw new RangeError(`count must be a non-negative integer; got ${options.count}`);
  }
  const ids = new Set<string>();
  for (const c of candidates) {
    if (ids.has(c.id)) throw new RangeError(`candidate ${c.id} appears twice`);
    ids.add(c.id);
  }
  switch (options.strategy) {
    case 'UNCERTAINTY':
      return uncertaintyFirst(candidates, options);
    case 'DIVERSITY':
      return diversity(candidates, options);
    case 'RANDOM':
      return random(candidates, options);
    case 'DISAGREEMENT':
      return disagreement(candidates, options);
    default:
      throw new RangeError(`unknown strategy ${String(options.strategy)}`);
  }
}
