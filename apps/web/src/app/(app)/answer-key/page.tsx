import type { Metadata } from 'next';
import styles from '@/components/charts/dashboard.module.css';
import { type Column, DataTable } from '@/components/charts/data-table';
import type { DemoAnswerKeyScoreQuery } from '@/gql/graphql';
import { demoAnswerKeyScoreQuery } from '@/lib/answer-key/answer-key-query';
import { formatScore, monthVerdict } from '@/lib/answer-key/month-verdict';
import { queryApi } from '@/lib/api/query-api';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Demo answer key' };

type Score = NonNullable<DemoAnswerKeyScoreQuery['demoAnswerKeyScore']>;
type Detection = NonNullable<Score['audit']>['labelIssues'];

const MONTH_COLUMNS: Column[] = [
  { key: 'month', label: 'Month' },
  { key: 'planted', label: 'Planted change' },
  { key: 'alarmed', label: 'Alarmed' },
  { key: 'verdict', label: 'Verdict' },
  { key: 'site', label: 'Alert names the site' },
];

function Card({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note: string;
  testId: string;
}) {
  return (
    <div className={styles.metric} data-testid={testId}>
      <div className={styles.metricLabel}>{label}</div>
      <div className={styles.metricValue}>{value}</div>
      <div className={styles.metricInterval}>{note}</div>
    </div>
  );
}

function DetectionCards({ name, score, unit }: { name: string; score: Detection; unit: string }) {
  return (
    <div className={styles.cards}>
      <Card
        label="Precision"
        value={formatScore(score.precision)}
        note={`${score.truePositives} of ${score.flagged} flagged ${unit} planted`}
        testId={`${name}-precision`}
      />
      <Card
        label="Recall"
        value={formatScore(score.recall)}
        note={`${score.truePositives} of ${score.planted} planted ${unit} flagged`}
        testId={`${name}-recall`}
      />
    </div>
  );
}

function DriftSection({ drift, site }: { drift: NonNullable<Score['drift']>; site: string }) {
  return (
    <>
      <p className="muted">Drift report of {formatDateTime(drift.createdAt)}; greyed months are left out.</p>
      <div className={styles.cards}>
        <Card
          label="False alarms on the stable months"
          value={`${drift.falseAlarmMonths} of ${drift.stableMonths}`}
          note={
            drift.falseAlarmRate === null ? 'no stable month' : `rate ${formatScore(drift.falseAlarmRate)}`
          }
          testId="drift-false-alarms"
        />
        <Card
          label="Months from the change found"
          value={`${drift.detectedMonths} of ${drift.driftMonths}`}
          note={`${drift.driftMonths - drift.detectedMonths} missed`}
          testId="drift-found"
        />
        <Card
          label="Detection delay"
          value={drift.detectionDelay === null ? 'never' : `${drift.detectionDelay} months`}
          note="from the device change to the first alarm"
          testId="drift-delay"
        />
        <Card
          label={`Alarms naming ${site}`}
          value={`${drift.siteNamedMonths} of ${drift.detectedMonths}`}
          note="found months whose alert names the site"
          testId="drift-site-named"
        />
      </div>
      <DataTable
        caption="Each monitored month against the planted change"
        columns={MONTH_COLUMNS}
        exportName="answer-key-drift-months"
        testId="answer-key-months"
        rows={drift.months.map((m) => ({
          id: m.month,
          testId: 'answer-key-month',
          cells: {
            month: { value: m.month },
            planted: { value: m.drifted ? 'after' : 'before' },
            alarmed: { value: m.alarmed ? 'yes' : 'no' },
            verdict: { value: monthVerdict(m) },
            site: { value: m.alarmed ? (m.siteNamed ? `yes (${site})` : 'no') : '' },
          },
        }))}
      />
    </>
  );
}

export default async function AnswerKeyPage() {
  const { demoAnswerKeyScore: score } = await queryApi(demoAnswerKeyScoreQuery, {});
  if (!score) {
    return (
      <div className={styles.stack}>
        <h1>Demo answer key</h1>
        <div className="panel empty-state" data-testid="empty-state">
          <h2>No demo cohort in this registry</h2>
          <p className="muted">
            The answer key exists only for the synthetic demo cohort that `dermino start` seeds.
          </p>
        </div>
      </div>
    );
  }
  const planted = score.plantedDrift;
  return (
    <div className={styles.stack}>
      <div className="page-header">
        <div>
          <h1>Demo answer key</h1>
          <p className="page-header__meta" data-testid="answer-key-meta">
            What the generator planted (seed {score.seed}, {score.images} images):{' '}
            {planted ? `${planted.site} changes its device from ${planted.month}` : 'no device change'} ·{' '}
            {score.plantedWrongLabels} wrong labels · {score.plantedNearDuplicates} near-duplicate pairs.
            Computed from the seed on each visit, never stored where a model or detector reads it.
          </p>
        </div>
      </div>
      <section className="panel panel__body" aria-labelledby="drift-heading" data-testid="answer-key-drift">
        <h2 id="drift-heading">Drift alarms</h2>
        {score.drift && planted ? (
          <DriftSection drift={score.drift} site={planted.site} />
        ) : (
          <p className="muted">
            {planted ? 'No drift report yet: queue a DRIFT job.' : 'No drift was planted.'}
          </p>
        )}
      </section>
      <section className="panel panel__body" aria-labelledby="labels-heading" data-testid="answer-key-labels">
        <h2 id="labels-heading">Label issues</h2>
        {score.audit ? (
          <DetectionCards name="labels" score={score.audit.labelIssues} unit="wrong labels" />
        ) : (
          <p className="muted">No data audit yet: queue an AUDIT job.</p>
        )}
      </section>
      <section
        className="panel panel__body"
        aria-labelledby="duplicates-heading"
        data-testid="answer-key-duplicates"
      >
        <h2 id="duplicates-heading">Near-duplicates</h2>
        {score.audit ? (
          <>
            <DetectionCards name="duplicates" score={score.audit.nearDuplicates} unit="pairs" />
            {score.audit.embeddingWarning ? (
              <p className="badge badge--alert">{score.audit.embeddingWarning}</p>
            ) : null}
          </>
        ) : (
          <p className="muted">No data audit yet: queue an AUDIT job.</p>
        )}
      </section>
    </div>
  );
}
