import type { DriftReportData } from '@/lib/drift/drift-queries';

type AlarmScore = NonNullable<DriftReportData['alarmScore']>;

const months = (n: number) => `${n} ${n === 1 ? 'month' : 'months'}`;
const percent = (rate: number | null) => (rate === null ? '' : ` (${(rate * 100).toFixed(0)}%)`);

/**
 * How the calibrated alarms fared against the device change the registry records: false alarms on the stable
 * months before it, and the delay from the change to the first alarm.
 */
export function AlarmScore({ score }: { score: AlarmScore }) {
  const change = score.deviceChange;
  if (!change)
    return (
      <p className="page-header__meta" data-testid="drift-alarm-score">
        No device change recorded after the reference months: false alarms on the {months(score.stableMonths)}{' '}
        monitored: {score.falseAlarmMonths}
        {percent(score.falseAlarmRate)}.
      </p>
    );
  return (
    <p className="page-header__meta" data-testid="drift-alarm-score">
      {change.source} changed its device to {change.device} in {change.month}. False alarms on the{' '}
      {months(score.stableMonths)} before it: {score.falseAlarmMonths}
      {percent(score.falseAlarmRate)} · detection delay:{' '}
      {score.detectionDelay === null ? 'not detected' : months(score.detectionDelay)} · {score.detectedMonths}{' '}
      of {months(score.driftMonths)} since alarmed, {score.sourceNamedMonths} naming {change.source}.
    </p>
  );
}
