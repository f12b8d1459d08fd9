import { scoreDriftAlerts } from '@dermino/analytics';
import { type DeviceFirstCapture, findDeviceFirstCaptures } from '@dermino/db';
import type { Context } from '../../../context.js';
import type { DriftReportResolvers } from '../../../generated/resolvers-types.js';
import { findDeviceChange } from '../find-device-change.js';

type Window = { window?: unknown; status?: unknown };
type Alert = { window?: unknown; segment?: { value?: unknown } | null };

// One registry read per request, however many reports a page lists.
const capturesByRequest = new WeakMap<Context, Promise<DeviceFirstCapture[]>>();

export const DriftReportAlarmScore: Pick<DriftReportResolvers, 'alarmScore'> = {
  alarmScore: async (parent, _args, context) => {
    const windows = (Array.isArray(parent.windows) ? parent.windows : []) as Window[];
    const months = windows.flatMap((w) => (typeof w.window === 'string' ? [w.window] : [])).sort();
    if (!windows.some((w) => typeof w.status === 'string') || months.length === 0) return null;
    const reference = windows.filter((w) => w.status === 'reference').map((w) => w.window as string);
    const afterMonth = reference.sort().at(-1) ?? parent.referenceTo.toISOString().slice(0, 7);
    if (!capturesByRequest.has(context)) capturesByRequest.set(context, findDeviceFirstCaptures(context.db));
    const change = findDeviceChange((await capturesByRequest.get(context))!, afterMonth, months.at(-1)!);
    const monitored = windows
      .filter((w) => w.status === 'stable' || w.status === 'alarm')
      .map((w) => w.window as string);
    const alerts = ((Array.isArray(parent.alerts) ? parent.alerts : []) as Alert[]).map((alert) => ({
      window: String(alert.window),
      segments: typeof alert.segment?.value === 'string' ? [alert.segment.value] : [],
    }));
    const score = scoreDriftAlerts(monitored, alerts, change && { site: change.source, month: change.month });
    return {
      deviceChange: change,
      stableMonths: score.stableWindows,
      falseAlarmMonths: score.falseAlarmWindows,
      falseAlarmRate: score.falseAlarmRate,
      driftMonths: score.driftWindows,
      detectedMonths: score.detectedWindows,
      detectionDelay: change ? score.detectionDelay : null,
      sourceNamedMonths: score.siteNamedWindows,
    };
  },
};
