import { AppError, recordAuditEvent } from '@dermino/db';
import { freezeDatasetVersion as freeze, parseSplitRatios } from '@dermino/ingest';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

export const freezeDatasetVersion: MutationResolvers['freezeDatasetVersion'] = async (
  _parent,
  { input },
  context,
) => {
  const user = requireUser(context);
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/.test(input.name)) {
    throw new AppError('BAD_INPUT', {
      message: 'The dataset name must be 1 to 100 letters, digits, spaces, dots, dashes or underscores.',
      details: { argument: 'input.name' },
    });
  }
  const filter = Object.fromEntries(
    Object.entries(input.filter).filter(([, value]) => value !== null && value !== undefined),
  );
  const summary = await freeze({
    db: context.db,
    name: input.name,
    filter,
    ratios: parseSplitRatios(input.split),
    groupBy: input.groupBy === 'PATIENT' ? 'patient' : 'lesion',
    seed: input.seed,
    createdBy: user.id,
    note: input.note ?? null,
  });
  await recordAuditEvent(context.db, {
    userId: user.id,
    action: 'dataset.freeze',
    entityType: 'DatasetVersion',
    entityId: summary.version.id,
  });
  return {
    versionId: summary.version.id,
    version: summary.version.version,
    contentHash: summary.version.contentHash,
    images: summary.images,
    unlabelled: summary.unlabelled,
    ties: summary.ties.length,
    composition: { bySplit: summary.bySplit, byLabel: summary.byLabel },
    leakage: summary.leakage,
  };
};
