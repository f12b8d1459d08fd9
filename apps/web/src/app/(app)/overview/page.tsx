import type { Metadata } from 'next';
import { Suspense } from 'react';
import styles from '@/components/charts/dashboard.module.css';
import { PanelSkeleton } from '@/components/charts/panel-skeleton';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { driftReportsQuery } from '@/lib/drift/drift-queries';
import { evaluationHeadlineQuery } from '@/lib/evaluation/evaluation-queries';
import { readReport } from '@/lib/evaluation/report-types';
import { jobsQuery } from '@/lib/jobs/job-queries';
import { labelEfficiencyQuery, labelsSinceChampionQuery } from '@/lib/labelling/labelling-queries';
import { championQuery, latestEvaluation } from '@/lib/models/model-queries';
import { rolesFor } from '../nav-items';
import { ChampionPanel, type LatestEvaluation } from './champion-panel';
import { DriftAlertsPanel } from './drift-alerts-panel';
import { LabelEfficiencyPanel } from './label-efficiency-panel';
import { LabelsSinceChampionPanel } from './labels-since-champion-panel';
import { RunningJobsPanel } from './running-jobs-panel';

export const metadata: Metadata = { title: 'Overview' };

// Streams: the header and skeletons first; each panel fills in as its own query answers. The champion's report
// is requested the moment the alias is resolved, while drift and jobs are still on their way.
export default async function OverviewPage() {
  await requireRole(rolesFor('/overview') ?? []);
  const champion = queryApi(championQuery, { alias: 'champion' }).then((data) => data.modelByAlias);
  const latest = champion.then((model) => loadLatestEvaluation(model?.evaluations ?? []));
  // Not read when the champion query fails (the panel shows the error): no unhandled rejection.
  latest.catch(() => undefined);
  const drift = loadDrift();
  const activeJobs = loadActiveJobs();
  const newLabels = loadNewLabels();
  const efficiency = loadEfficiency();
  return (
    <div className={styles.stack}>
      <div className="page-header">
        <div>
          <h1>Overview</h1>
          <p className="page-header__meta">
            Is the champion good, for whom is it worse, has the data drifted.
          </p>
        </div>
      </div>
      <Suspense fallback={<PanelSkeleton label="the champion model" height={160} />}>
        <ChampionPanel champion={champion} latest={latest} />
      </Suspense>
      <div className={styles.grid2}>
        <Suspense fallback={<PanelSkeleton label="the drift alerts" />}>
          <DriftAlerts drift={drift} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton label="the running jobs" />}>
          <RunningJobs activeJobs={activeJobs} />
        </Suspense>
      </div>
      <Suspense fallback={<PanelSkeleton label="the new labels" />}>
        <NewLabels newLabels={newLabels} champion={champion} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton label="the label-efficiency curve" height={320} />}>
        <Efficiency efficiency={efficiency} />
      </Suspense>
    </div>
  );
}

async function loadLatestEvaluation(
  evaluations: { id: string; createdAt: string }[],
): Promise<LatestEvaluation | null> {
  const latest = latestEvaluation(evaluations);
  if (!latest) return null;
  const { evaluation } = await queryApi(evaluationHeadlineQuery, { id: latest.id });
  const report = evaluation ? readReport(evaluation.report) : null;
  return evaluation && report ? { evaluation, report } : null;
}

const loadDrift = () => queryApi(driftReportsQuery, { first: 1 });
const loadActiveJobs = () => queryApi(jobsQuery, { filter: { status: ['RUNNING', 'QUEUED'] }, first: 20 });

async function DriftAlerts({ drift }: { drift: ReturnType<typeof loadDrift> }) {
  const { driftReports } = await drift;
  return <DriftAlertsPanel report={driftReports.edges[0]?.node ?? null} />;
}

async function RunningJobs({ activeJobs }: { activeJobs: ReturnType<typeof loadActiveJobs> }) {
  const { jobs } = await activeJobs;
  return <RunningJobsPanel jobs={jobs.edges.map((edge) => edge.node)} />;
}

const loadNewLabels = () => queryApi(labelsSinceChampionQuery, {});

async function NewLabels({
  newLabels,
  champion,
}: {
  newLabels: ReturnType<typeof loadNewLabels>;
  champion: Promise<{ id: string } | null | undefined>;
}) {
  const { labellingProgress } = await newLabels;
  // A failed champion query is the champion panel's to show; here it only means no id to guard the retraining.
  const championId = (await champion.catch(() => null))?.id ?? null;
  return (
    <LabelsSinceChampionPanel count={labellingProgress.labelsSinceChampion ?? null} championId={championId} />
  );
}

const loadEfficiency = () => queryApi(labelEfficiencyQuery, {});

async function Efficiency({ efficiency }: { efficiency: ReturnType<typeof loadEfficiency> }) {
  const { labelEfficiency } = await efficiency;
  return <LabelEfficiencyPanel curve={labelEfficiency ?? null} />;
}
