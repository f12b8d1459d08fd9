import type { LabellingFilter, LabellingStrategy, Role, SkinType } from '@/gql/graphql';

/** Who labels: clinicians and the data team (and admins), never managers; the API enforces the same. */
export const LABELLERS: readonly Role[] = ['ADMIN', 'CLINICIAN', 'DATA'];

const STRATEGIES: readonly LabellingStrategy[] = ['UNCERTAINTY', 'DIVERSITY', 'RANDOM', 'DISAGREEMENT'];
const SKIN_TYPES: readonly SkinType[] = ['I', 'II', 'III', 'IV', 'V', 'VI', 'UNKNOWN'];

export interface QueueRequest {
  strategy: LabellingStrategy;
  filter: LabellingFilter;
  pageSize: number;
  /** A blind read: the model's suggestion is not shown (answers record suggestionShown false). */
  blind: boolean;
}

/** Images asked for at a time: few, since an image served and left unanswered is not served to the reader again. */
export const QUEUE_PAGE_SIZE = 5;

const many = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 20);

/**
 * The workbench's URL: `strategy` (UNCERTAINTY by default), and `site`, `source`, `skinType` (repeatable) to
 * label one part of the registry; `blind=1` hides the model's suggestion (to measure automation bias against reads
 * that saw it). Unknown values are errors the page names.
 */
export function parseQueueSearch(
  params: Record<string, string | string[] | undefined>,
): { ok: true; request: QueueRequest } | { ok: false; message: string } {
  const strategy = (many(params.strategy)[0] ?? 'UNCERTAINTY').toUpperCase() as LabellingStrategy;
  if (!STRATEGIES.includes(strategy)) {
    return {
      ok: false,
      message: `Unknown strategy "${strategy.slice(0, 40)}": use one of ${STRATEGIES.join(', ')}.`,
    };
  }
  const skinType = many(params.skinType).map((value) => value.toUpperCase() as SkinType);
  const badSkinType = skinType.find((value) => !SKIN_TYPES.includes(value));
  if (badSkinType) {
    return { ok: false, message: `Unknown skin type "${badSkinType.slice(0, 40)}": use I to VI or UNKNOWN.` };
  }
  const filter: LabellingFilter = {};
  const site = many(params.site);
  const source = many(params.source);
  if (site.length) filter.site = site;
  if (source.length) filter.source = source;
  if (skinType.length) filter.skinType = skinType;
  const blind = ['1', 'true', 'yes'].includes((many(params.blind)[0] ?? '').toLowerCase());
  return { ok: true, request: { strategy, filter, pageSize: QUEUE_PAGE_SIZE, blind } };
}
