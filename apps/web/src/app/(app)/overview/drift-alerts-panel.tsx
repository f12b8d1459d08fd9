import Link from 'next/link';
import type { DriftReportData } from '@/lib/drift/drift-queries';
import { readAlerts } from '@/lib/drift/drift-report';
import { formatDateTime, formatLabel } from '@/lib/format';

/** The alerts of the newest drift report: "open" means raised by the latest report, as nothing acknowledges them. */
export function DriftAlertsPanel({ report }: { report: DriftReportData | null }) {
  const alerts = report ? readAlerts(report.alerts) : [];
  return (
    <section className="panel" aria-labelledby="drift-heading" data-testid="drift-alerts">
      <div className="panel__header">
        <h2 id="drift-heading">Open drift alerts</h2>
        <Link href="/drift" className="button button--ghost">
          Drift
        </Link>
      </div>
      <div className="panel__body">
        {!report ? (
          <p className="muted">No drift report yet: queue a DRIFT job for the champion.</p>
        ) : alerts.length === 0 ? (
          <p className="badge badge--ok">No alerts in the report of {formatDateTime(report.createdAt)}</p>
        ) : (
          <>
            <p className="muted">
              <span className="badge badge--alert" data-testid="alert-count">
                {alerts.length} {alerts.length === 1 ? 'alert' : 'alerts'}
              </span>{' '}
              in the report of {formatDateTime(report.createdAt)}
            </p>
            <ul>
              {alerts.slice(0, 8).map((alert) => (
                <li key={`${alert.window}-${alert.area}-${alert.feature}-${alert.statistic}`}>
                  <strong>{alert.window}</strong> · {formatLabel(alert.area)}: {formatLabel(alert.feature)}{' '}
                  {alert.statistic.replace(/_/g, ' ')} = {alert.value.toFixed(3)}{' '}
                  <span className="muted">({alert.threshold})</span>
                </li>
              ))}
            </ul>
            {alerts.length > 8 ? (
              <p className="muted">and {alerts.length - 8} more on the drift page.</p>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
