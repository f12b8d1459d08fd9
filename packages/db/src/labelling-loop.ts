import type { Db } from './client.js';
import { countAnnotationsSince, countQueueLabelsSince } from './labelling-answers.js';

// The loop back to the model: every N queue labels, one retraining. Claims are serialised by an advisory lock and
// recorded as audit events, so two API processes crossing the threshold at once start one retraining, not two.

const LOOP_LOCK = 7_140_216;
export const RETRAINING_ACTION = 'labelling.retrain';

export interface RetrainingClaim {
  /** Labels counted since the previous retraining (or since `since`): queue labels, or every annotation. */
  labels: number;
  since: Date;
}

/**
 * Claims a retraining when at least `every` labels arrived since the later of `since` (the champion's
 * registration) and the previous claim; null otherwise. The claim is an audit event on the champion. The loop
 * counts queue labels (`count: 'queue'`, the default); a retraining asked for on demand counts every annotation
 * (imports and the data team's own labels too) and needs at least one.
 */
export async function claimRetraining(
  db: Db,
  options: {
    every: number;
    since: Date;
    championId: string;
    userId?: string | null;
    count?: 'queue' | 'annotations';
    trigger?: 'loop' | 'on-demand';
  },
): Promise<RetrainingClaim | null> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${LOOP_LOCK})::text`;
    const previous = await tx.auditEvent.findFirst({
      where: { action: RETRAINING_ACTION },
      orderBy: { at: 'desc' },
      select: { at: true },
    });
    const since = previous && previous.at > options.since ? previous.at : options.since;
    const labels =
      options.count === 'annotations'
        ? await countAnnotationsSince(tx, { since })
        : await countQueueLabelsSince(tx, { since });
    if (labels < options.every) return null;
    await tx.auditEvent.create({
      data: {
        userId: options.userId ?? null,
        action: RETRAINING_ACTION,
        entityType: 'ModelVersion',
        entityId: options.championId,
        details: {
          labels,
          since: since.toISOString(),
          every: options.every,
          trigger: options.trigger ?? 'loop',
        },
      },
    });
    return { labels, since };
  });
}
