import type { DeviceFirstCapture } from '@dermino/db';

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/**
 * The first device change after `afterMonth` up to `untilMonth`: a source's first image with a device, when the
 * same source had images from another device before. The earliest wins; null when none.
 */
export function findDeviceChange(
  captures: readonly DeviceFirstCapture[],
  afterMonth: string,
  untilMonth: string,
) {
  const changes = captures
    .map((capture) => ({
      source: capture.source,
      device: capture.device,
      month: monthOf(capture.firstCapturedAt),
    }))
    .filter(
      (change) =>
        change.month > afterMonth &&
        change.month <= untilMonth &&
        captures.some(
          (other) =>
            other.source === change.source &&
            other.device !== change.device &&
            monthOf(other.firstCapturedAt) < change.month,
        ),
    )
    .sort((a, b) => a.month.localeCompare(b.month) || a.source.localeCompare(b.source));
  return changes[0] ?? null;
}
