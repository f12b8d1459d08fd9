import { scoreDriftAlerts, scoreLabelIssues, scoreNearDuplicates } from '@dermino/analytics';
import {
  type DbClient,
  findDataAudits,
  findDriftReports,
  findImageSourceIds,
  findVersionImages,
} from '@dermino/db';
import type { AnswerKey } from '@dermino/synth';

type Window = { window: string; status?: string };
type Alert = { window: string; segment?: { value: string } | null };
type Audit = {
  labelIssues?: { issues?: { imageId: string }[] };
  duplicates?: { near?: string[][]; embedding?: { warning: string | null } | null };
};

/** Which report and audit to score; the latest of each when not named. */
export interface ScoreDemoDetectorsOptions {
  driftReportId?: string;
  dataAuditId?: string;
}

/** Each monitored month of a drift report against the planted change: alarmed or not, the drift site named or not. */
function driftMonths(monitored: string[], alerts: Alert[], planted: AnswerKey['drift']) {
  return [...new Set(monitored)].sort().map((month) => {
    const own = alerts.filter((alert) => alert.window === month);
    return {
      month,
      drifted: planted !== null && month >= planted.month,
      alarmed: own.length > 0,
      siteNamed: planted !== null && own.some((alert) => alert.segment?.value === planted.site),
    };
  });
}

/**
 * A drift report and a data audit of the registry scored against the demo's answer key. Registry ids are mapped to
 * the generator's ids through each image's source id; images the detectors did not see are left out.
 */
export async function scoreDemoDetectors(
  db: DbClient,
  key: AnswerKey,
  options: ScoreDemoDetectorsOptions = {},
) {
  const sourceIds = await findImageSourceIds(db);
  const toKey = (id: string) => sourceIds.get(id) ?? id;
  const [drift] = await findDriftReports(db, { id: options.driftReportId, take: 1 });
  const [audit] = await findDataAudits(db, { id: options.dataAuditId, take: 1 });
  const windows = (drift?.windows ?? []) as Window[];
  const alerts = (drift?.alerts ?? []) as Alert[];
  const monitored = windows.filter((w) => w.status === 'stable' || w.status === 'alarm').map((w) => w.window);
  const driftScore = drift
    ? scoreDriftAlerts(
        monitored,
        alerts.map((a) => ({ window: a.window, segments: a.segment ? [a.segment.value] : [] })),
        key.drift,
      )
    : null;
  const report = (audit?.report ?? null) as Audit | null;
  // An audit checks one dataset version: planted wrong labels and near-copies with an image outside it cannot be
  // found, so recall counts those inside it (the demo version leaves out the unlabelled images of held-out patients).
  const audited = audit
    ? new Set(
        (await findVersionImages(db, { datasetVersionId: audit.datasetVersionId })).map((image) =>
          toKey(image.imageId),
        ),
      )
    : null;
  const labels = report
    ? scoreLabelIssues(
        (report.labelIssues?.issues ?? []).map((i) => toKey(i.imageId)),
        key.wrongLabels,
        [...(audited ?? sourceIds.values())],
      )
    : null;
  const near = report
    ? scoreNearDuplicates(
        (report.duplicates?.near ?? [])
          .filter((g) => g.length === 2)
          .map(([a, b]) => [toKey(a), toKey(b)] as [string, string]),
        key.nearDuplicates.filter(([a, b]) => !audited || (audited.has(a) && audited.has(b))),
      )
    : null;
  return {
    driftReport: drift
      ? {
          id: drift.id,
          createdAt: drift.createdAt.toISOString(),
          ...driftScore!,
          months: driftMonths(monitored, alerts, key.drift),
        }
      : null,
    dataAudit: audit
      ? {
          id: audit.id,
          createdAt: audit.createdAt.toISOString(),
          labelIssues: labels,
          nearDuplicates: near,
          embeddingWarning: report?.duplicates?.embedding?.warning ?? null,
        }
      : null,
  };
}

export type DemoDetectorScores = Awaited<ReturnType<typeof scoreDemoDetectors>>;
