import { scoreDriftAlerts, scoreLabelIssues, scoreNearDuplicates } from '@dermino/analytics';
import { type Db, findDataAudits, findDriftReports, findImageSourceIds } from '@dermino/db';
import type { AnswerKey } from '@dermino/synth';

type Window = { window: string; status?: string };
type Alert = { window: string; segment?: { value: string } | null };
type Audit = {
  labelIssues?: { issues?: { imageId: string }[] };
  duplicates?: { near?: string[][]; embedding?: { warning: string | null } | null };
};

/**
 * The latest drift report and data audit of the registry scored against the demo's answer key. Registry ids are
 * mapped to the generator's ids through each image's source id; images the detectors did not see are left out.
 */
export async function scoreAgainstAnswerKey(db: Db, key: AnswerKey) {
  const sourceIds = await findImageSourceIds(db);
  const toKey = (id: string) => sourceIds.get(id) ?? id;
  const [drift] = await findDriftReports(db, { take: 1 });
  const [audit] = await findDataAudits(db, { take: 1 });
  const driftScore = drift
    ? scoreDriftAlerts(
        (drift.windows as Window[])
          .filter((w) => w.status === 'stable' || w.status === 'alarm')
          .map((w) => w.window),
        (drift.alerts as Alert[]).map((a) => ({
          window: a.window,
          segments: a.segment ? [a.segment.value] : [],
        })),
        key.drift,
      )
    : null;
  const report = (audit?.report ?? null) as Audit | null;
  const labels = report
    ? scoreLabelIssues(
        (report.labelIssues?.issues ?? []).map((i) => toKey(i.imageId)),
        key.wrongLabels,
        [...sourceIds.values()],
      )
    : null;
  const near = report
    ? scoreNearDuplicates(
        (report.duplicates?.near ?? [])
          .filter((g) => g.length === 2)
          .map(([a, b]) => [toKey(a), toKey(b)] as [string, string]),
        key.nearDuplicates,
      )
    : null;
  return {
    driftReport: drift ? { id: drift.id, createdAt: drift.createdAt.toISOString(), ...driftScore } : null,
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
