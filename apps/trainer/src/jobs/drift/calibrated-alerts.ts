import {
  type CalibratedDriftReport,
  categoricalStatistic,
  createRng,
  type DriftFeature,
  detectCalibratedDrift,
  kernelMmdStatistic,
  numericStatistic,
} from '@dermino/analytics';
import { METADATA, QUALITY } from './window-stats.js';

/** What the calibrated detector reads of each image, in the drift job's row order. */
export interface CalibratedRows {
  month: string[];
  caseId: string[];
  metadata: Record<(typeof METADATA)[number], string[]>;
  quality: Record<(typeof QUALITY)[number], (number | null)[]>;
  /** [n, thumbnailDims] 8 x 8 colour thumbnails: the pixels themselves, whatever the backbone. */
  thumbnails: Float32Array | null;
  thumbnailDims: number;
  embeddings: Float32Array;
  dims: number;
  probabilities: Float32Array;
  classes: number;
}

export interface DriftAlert {
  window: string;
  area: string;
  feature: string;
  statistic: string;
  value: number;
  threshold: string;
  z: number;
  /** Where the alarm lives: the segment without which it goes away (e.g. source site-b). */
  segment: {
    dimension: string;
    value: string;
    n: number;
    zWithout: number;
    zWithin: number;
    explains: boolean;
  } | null;
}

const round = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(4)) : null);

function predictionColumns(rows: CalibratedRows): { predicted: string[]; confidence: number[] } {
  const predicted: string[] = [];
  const confidence: number[] = [];
  for (let i = 0; i < rows.month.length; i++) {
    let best = 0;
    for (let c = 1; c < rows.classes; c++)
      if (rows.probabilities[i * rows.classes + c] > rows.probabilities[i * rows.classes + best]) best = c;
    predicted.push(String(best));
    confidence.push(rows.probabilities[i * rows.classes + best]);
  }
  return { predicted, confidence };
}

/**
 * Alarms calibrated on the reference months: every statistic's line is mean + 3 sd over reference pseudo-windows
 * of the month's size; a month under `minWindowSize` images is greyed; each alarm names its segment.
 */
export function calibratedAlerts(
  rows: CalibratedRows,
  referenceWindows: string[],
  options: { resamples: number; seed: number; minWindowSize: number },
) {
  const reference = rows.month.flatMap((month, i) => (referenceWindows.includes(month) ? [i] : []));
  if (reference.length < 2 * options.minWindowSize) {
    // Too few reference images to calibrate anything: every month is greyed rather than judged on noise.
    const report: CalibratedDriftReport = {
      windows: [],
      alerts: [],
      settings: {
        minWindowSize: options.minWindowSize,
        sigmas: 3,
        resamples: options.resamples,
        referenceWindows,
      },
    };
    return {
      report,
      alerts: [] as DriftAlert[],
      summary: { ...summarise(report), greyedWindows: [...new Set(rows.month)].sort() },
    };
  }
  const { predicted, confidence } = predictionColumns(rows);
  const features: DriftFeature[] = [
    ...METADATA.map((name) => ({
      area: 'metadata',
      name,
      statisticName: 'jensen_shannon',
      statistic: categoricalStatistic(rows.metadata[name]),
    })),
    ...QUALITY.map((name) => ({
      area: 'quality',
      name,
      statisticName: 'ks',
      statistic: numericStatistic(rows.quality[name]),
    })),
    {
      area: 'embeddings',
      name: 'embedding',
      statisticName: 'mmd2',
      statistic: kernelMmdStatistic(rows.embeddings, rows.dims, reference, createRng(options.seed)),
    },
    {
      area: 'predictions',
      name: 'predicted_class',
      statisticName: 'jensen_shannon',
      statistic: categoricalStatistic(predicted),
    },
    { area: 'predictions', name: 'confidence', statisticName: 'ks', statistic: numericStatistic(confidence) },
  ];
  if (rows.thumbnails)
    features.push({
      area: 'pixels',
      name: 'thumbnail',
      statisticName: 'mmd2',
      statistic: kernelMmdStatistic(
        rows.thumbnails,
        rows.thumbnailDims,
        reference,
        createRng(options.seed + 1),
      ),
    });
  const report = detectCalibratedDrift({
    window: rows.month,
    referenceWindows,
    features,
    group: rows.caseId,
    segments: {
      source: rows.metadata.source,
      device: rows.metadata.device,
      skin_type: rows.metadata.skin_type,
    },
    minWindowSize: options.minWindowSize,
    resamples: options.resamples,
    seed: options.seed,
  });
  const alerts: DriftAlert[] = report.alerts.map((alert) => ({
    window: alert.window,
    area: alert.area,
    feature: alert.feature,
    statistic: alert.statistic,
    value: round(alert.value) ?? 0,
    threshold: `> ${round(alert.calibration.threshold)} (reference mean + 3 sd at n = ${report.windows.find((w) => w.window === alert.window)?.n})`,
    z: round(alert.z) ?? 0,
    segment: alert.segment
      ? {
          ...alert.segment,
          zWithout: round(alert.segment.zWithout) ?? 0,
          zWithin: round(alert.segment.zWithin) ?? 0,
        }
      : null,
  }));
  return { report, alerts, summary: summarise(report) };
}

/** The page's headline: how often the detector alarms when nothing changed, and where it stands now. */
function summarise(report: CalibratedDriftReport) {
  const monitored = report.windows.filter((w) => w.status === 'stable' || w.status === 'alarm');
  const judged = report.windows.filter((w) => w.status !== 'too-small');
  return {
    method:
      "reference pseudo-windows of each month's size (whole lesions resampled); alarm above mean + 3 sd; alarms localised by leaving one segment out",
    ...report.settings,
    /** Expected false-alarm rate of one month: the share of reference pseudo-windows that alarmed. */
    expectedFalseAlarmRate: round(
      judged.reduce((sum, w) => sum + w.pseudoFalseAlarmRate, 0) / Math.max(1, judged.length),
    ),
    referenceAlarms: report.windows
      .filter((w) => w.status === 'reference' && w.features.some((f) => f.alarm))
      .map((w) => w.window),
    monitoredWindows: monitored.length,
    alarmedWindows: monitored.filter((w) => w.status === 'alarm').map((w) => w.window),
    greyedWindows: report.windows.filter((w) => w.status === 'too-small').map((w) => w.window),
  };
}

/** Per window, what the page greys or highlights: its status and each statistic against its calibrated line. */
export function windowCalibration(report: CalibratedDriftReport, window: string) {
  const result = report.windows.find((w) => w.window === window);
  if (!result) return { status: 'too-small' as const, calibrated: [] };
  return {
    status: result.status,
    pseudoFalseAlarmRate: round(result.pseudoFalseAlarmRate),
    calibrated: result.features.map((f) => ({
      area: f.area,
      feature: f.feature,
      statistic: f.statistic,
      value: round(f.value),
      threshold: round(f.calibration.threshold),
      z: round(f.z),
      alarm: f.alarm,
    })),
  };
}
