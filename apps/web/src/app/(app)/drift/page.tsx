import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/charts/dashboard.module.css';
import { type Column, DataTable } from '@/components/charts/data-table';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { pickExampleMonth } from '@/lib/drift/drift-extras';
import { driftReportsQuery } from '@/lib/drift/drift-queries';
import { describeSegment, readAlerts, readWindows, summariseCalibration } from '@/lib/drift/drift-report';
import { formatDate, formatDateTime, formatLabel } from '@/lib/format';
import { rolesFor } from '../nav-items';
import { AlarmScore } from './alarm-score';
import { DriftCharts } from './drift-charts';
import { DriftExamples } from './drift-examples';
import { SkinTypePerformance } from './skin-type-performance';

export const metadata: Metadata = { title: 'Drift' };

const ALERT_COLUMNS: Column[] = [
  { key: 'window', label: 'Month' },
  { key: 'area', label: 'Area' },
  { key: 'feature', label: 'Feature' },
  { key: 'statistic', label: 'Statistic' },
  { key: 'value', label: 'Value', numeric: true },
  { key: 'threshold', label: 'Threshold' },
  { key: 'segment', label: 'Where (segment)' },
];

export default async function DriftPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(rolesFor('/drift') ?? []);
  const { report: chosen, month } = await searchParams;
  const { driftReports: reportPage } = await queryApi(driftReportsQuery, { first: 20 });
  const driftReports = reportPage.edges.map((edge) => edge.node);
  const report = driftReports.find((r) => r.id === chosen) ?? driftReports[0];
  if (!report) {
    return (
      <div className={styles.stack}>
        <h1>Drift</h1>
        <div className="panel empty-state" data-testid="empty-state">
          <h2>No drift report yet</h2>
          <p className="muted">
            A DRIFT job compares each month of incoming images with the first months; queue one for the
            champion.
          </p>
          <Link className="button" href="/jobs">
            Jobs
          </Link>
        </div>
      </div>
    );
  }
  const windows = readWindows(report.windows);
  const alerts = readAlerts(report.alerts);
  const calibration = summariseCalibration(windows);
  return (
    <div className={styles.stack}>
      <div className="page-header">
        <div>
          <h1>Drift</h1>
          <p className="page-header__meta" data-testid="drift-meta">
            Report of {formatDateTime(report.createdAt)} · reference {formatDate(report.referenceFrom)} –{' '}
            {formatDate(report.referenceTo)} · {windows.length} monthly windows · {alerts.length}{' '}
            {alerts.length === 1 ? 'alert' : 'alerts'}
          </p>
          {calibration ? (
            <p className="page-header__meta" data-testid="drift-calibration">
              Alarm lines from the reference months (mean + 3 sd of reference samples of each month&apos;s
              size): expected false-alarm rate{' '}
              {calibration.expectedFalseAlarmRate === null
                ? 'unknown'
                : `${(calibration.expectedFalseAlarmRate * 100).toFixed(1)}% per month`}
              {' · '}
              {calibration.alarmed.length} of {calibration.monitored.length} monitored months alarmed
              {calibration.currentRunSince
                ? ` · alarmed every month since ${calibration.currentRunSince}`
                : ''}
              {calibration.greyed.length
                ? ` · greyed, too few images to judge: ${calibration.greyed.join(', ')}`
                : ''}
            </p>
          ) : null}
          {report.alarmScore ? <AlarmScore score={report.alarmScore} /> : null}
        </div>
        {driftReports.length > 1 ? (
          <nav className={styles.row} aria-label="Earlier reports">
            {driftReports.slice(0, 5).map((r) => (
              <Link
                key={r.id}
                href={`/drift?report=${r.id}`}
                aria-current={r.id === report.id ? 'page' : undefined}
                className="button button--ghost"
              >
                {formatDate(r.createdAt)}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      {windows.length === 0 ? (
        <div className="panel empty-state">
          <h2>This report has no windows</h2>
        </div>
      ) : (
        <section className="panel panel__body">
          <DriftCharts windows={windows} alerts={alerts} />
        </section>
      )}
      {windows.length > 0 ? (
        <>
          <section className="panel panel__body" aria-labelledby="skin-type-heading">
            <h2 id="skin-type-heading">Accuracy by skin type: CBPE estimate beside the realised accuracy</h2>
            <SkinTypePerformance windows={windows} />
          </section>
          <section className="panel panel__body" aria-labelledby="examples-heading">
            <h2 id="examples-heading">Example images: a month beside the reference</h2>
            <DriftExamples
              windows={windows}
              alerts={alerts}
              month={pickExampleMonth(windows, alerts, month)}
              reportId={report.id}
            />
          </section>
        </>
      ) : null}
      <section className="panel panel__body" aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts</h2>
        {alerts.length === 0 ? (
          <p className="badge badge--ok">No statistic crossed its threshold.</p>
        ) : (
          <DataTable
            caption="Statistics past their threshold, by month"
            columns={ALERT_COLUMNS}
            exportName="drift-alerts"
            testId="alerts-table"
            rows={alerts.map((a, i) => ({
              id: `${i}`,
              testId: 'alert-row',
              cells: {
                window: { value: a.window },
                area: { value: formatLabel(a.area) },
                feature: { value: formatLabel(a.feature) },
                statistic: { value: a.statistic.replace(/_/g, ' ') },
                value: { value: a.value, display: a.value.toFixed(3) },
                threshold: { value: a.threshold },
                segment: { value: describeSegment(a.segment) },
              },
            }))}
          />
        )}
      </section>
    </div>
  );
}
