import { AppError } from '@dermino/db';
import { findDemoAnswerKey, scoreDemoDetectors } from '@dermino/ingest';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkId } from '../../../registry/check-id.js';

const notFound = (what: string, id: string) =>
  new AppError('NOT_FOUND', { message: `No ${what} with id ${id}.`, details: { id } });

export const demoAnswerKeyScore: QueryResolvers['demoAnswerKeyScore'] = async (_parent, args, { db }) => {
  const driftReportId = checkId(args.driftReportId, 'driftReportId');
  const dataAuditId = checkId(args.dataAuditId, 'dataAuditId');
  const demo = await findDemoAnswerKey(db);
  if (!demo) return null;
  const { key, cohort } = demo;
  const { driftReport: drift, dataAudit: audit } = await scoreDemoDetectors(db, key, {
    driftReportId,
    dataAuditId,
  });
  if (driftReportId && !drift) throw notFound('drift report', driftReportId);
  if (dataAuditId && !audit) throw notFound('data audit', dataAuditId);
  return {
    seed: key.seed,
    images: cohort.images.length,
    plantedDrift: key.drift,
    plantedWrongLabels: key.wrongLabels.length,
    plantedNearDuplicates: key.nearDuplicates.length,
    drift: drift && {
      reportId: drift.id,
      createdAt: drift.createdAt,
      stableMonths: drift.stableWindows,
      falseAlarmMonths: drift.falseAlarmWindows,
      falseAlarmRate: drift.falseAlarmRate,
      driftMonths: drift.driftWindows,
      detectedMonths: drift.detectedWindows,
      detectionDelay: drift.detectionDelay,
      siteNamedMonths: drift.siteNamedWindows,
      months: drift.months,
    },
    audit: audit && {
      ...audit,
      auditId: audit.id,
      labelIssues: audit.labelIssues!,
      nearDuplicates: audit.nearDuplicates!,
    },
  };
};
