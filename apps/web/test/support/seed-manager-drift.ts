import {
  accuracyFromConfusion,
  argmaxRows,
  categoricalDrift,
  confusionMatrix,
  createRng,
  embeddingDrift,
  estimateMulticlassAccuracy,
  FIXED_DRIFT_THRESHOLDS,
  isAlert,
  numericDrift,
  predictionDrift,
} from '@dermino/analytics';
import { type Db, findRegistryImages, saveDriftReport } from '@dermino/db';
import { CLASSES, finishedJob, PRIOR, pick, predictRow } from './seed-manager';

// The drift report of the manager pages, as the DRIFT job stores it (saveDriftReport), with statistics from
// @dermino/analytics on deterministic synthetic months and the job's alert rules (Evidently's fixed thresholds).

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const REFERENCE_MONTHS = 3;
const MIN_GROUP_SIZE = 30;
// Type V-VI is a small share: under the minimum group size every month, so the page greys it.
const DDI_PRIOR = [0.45, 0.47, 0.08];
const DDI_GROUPS = ['I-II', 'III-IV', 'V-VI'];

/** CBPE and realised accuracy of some rows of a month, through @dermino/analytics, as the drift job stores them. */
function groupPerformance(group: string, probabilities: Float64Array, labels: number[], rows: number[]) {
  const k = CLASSES.length;
  const picked = Float64Array.from(
    rows.flatMap((i) => Array.from(probabilities.subarray(i * k, (i + 1) * k))),
  );
  const predicted = argmaxRows(picked, k);
  return {
    group,
    n: rows.length,
    estimatedAccuracy: rows.length ? estimateMulticlassAccuracy(picked, k) : null,
    labelled: rows.length,
    realisedAccuracy: rows.length
      ? accuracyFromConfusion(
          confusionMatrix(
            rows.map((i) => labels[i] as number),
            predicted,
            k,
          ),
          k,
        )
      : null,
    belowMinimum: rows.length < MIN_GROUP_SIZE,
  };
}

/** Six monthly windows through analytics' drift statistics; June brings a new device and shifted embeddings. */
export async function seedDriftReport(db: Db, modelId: string): Promise<number> {
  const rng = createRng(42);
  // A second stream, so the skin types leave the statistics (and alerts) of the first one as they were.
  const skinRng = createRng(43);
  const imageIds = (await findRegistryImages(db)).map((image) => image.imageId);
  const dims = 8;
  const perMonth = 60;
  const month = MONTHS.map((_, m) => {
    const shifted = m === MONTHS.length - 1;
    const device = Array.from({ length: perMonth }, () =>
      shifted && rng.next() < 0.6
        ? 'phone-clip-x'
        : (['dermlite-dl4', 'heine-delta30'][pick(rng, [0.6, 0.4])] as string),
    );
    const embeddings = Float64Array.from(
      { length: perMonth * dims },
      (_, j) => rng.nextNormal() + (shifted && j % dims < 3 ? 1.2 : 0),
    );
    const labels = Array.from({ length: perMonth }, () => pick(rng, PRIOR));
    const ddi = labels.map(() => pick(skinRng, DDI_PRIOR));
    // The new device's images are brighter.
    const brightness = device.map((d) => 0.5 + 0.08 * rng.nextNormal() + (d === 'phone-clip-x' ? 0.15 : 0));
    const probabilities = Float64Array.from(
      labels.flatMap((label, i) => predictRow(rng, label, shifted ? 1.2 : 2.6, 2 * (ddi[i] as number))),
    );
    return { device, embeddings, labels, probabilities, brightness, ddi };
  });
  const reference = month.slice(0, REFERENCE_MONTHS);
  const refDevice = reference.flatMap((m) => m.device);
  const refBrightness = reference.flatMap((m) => m.brightness);
  const refEmbeddings = Float64Array.from(reference.flatMap((m) => Array.from(m.embeddings)));
  const refProbabilities = Float64Array.from(reference.flatMap((m) => Array.from(m.probabilities)));
  const k = CLASSES.length;
  const windows = month.map((m, index) => {
    const device = categoricalDrift(refDevice, m.device);
    const brightness = numericDrift(refBrightness, m.brightness);
    const embedding = embeddingDrift(refEmbeddings, m.embeddings, dims, {
      mmd: { permutations: 200, seed: 0 },
      classifier: { seed: 0 },
    });
    const predictions = predictionDrift(refProbabilities, m.probabilities, k);
    const predicted = m.labels.map((_, i) => {
      const row = Array.from(m.probabilities.subarray(i * k, (i + 1) * k));
      return row.indexOf(Math.max(...row));
    });
    return {
      window: MONTHS[index],
      reference: index < REFERENCE_MONTHS,
      n: m.labels.length,
      metadata: {
        device: {
          jensenShannon: device.jensenShannon,
          psi: device.psi,
          chiSquarePValue: device.chiSquare.pValue,
        },
      },
      quality: {
        brightness: {
          ksStatistic: brightness.ks.statistic,
          ksPValue: brightness.ks.pValue,
          psi: brightness.psi,
          normalisedWasserstein: brightness.normalisedWasserstein,
        },
      },
      embeddings: {
        mmd2: embedding.mmd.mmd2,
        mmdPValue: embedding.mmd.pValue,
        domainClassifierAuroc: embedding.domainClassifier.auroc,
      },
      predictions: {
        predictedClassJensenShannon: predictions.predictedClass.jensenShannon,
        predictedClassPsi: predictions.predictedClass.psi,
        confidencePsi: predictions.confidence.psi,
        confidenceKsPValue: predictions.confidence.ks.pValue,
      },
      cbpe: { expectedAccuracy: estimateMulticlassAccuracy(m.probabilities, k), malignancy: null },
      realisedAccuracy: predicted.filter((p, i) => p === m.labels[i]).length / m.labels.length,
      performanceBySkinType: {
        minGroupSize: MIN_GROUP_SIZE,
        overall: groupPerformance(
          'all',
          m.probabilities,
          m.labels,
          m.labels.map((_, i) => i),
        ),
        ddi: DDI_GROUPS.map((group, g) =>
          groupPerformance(
            group,
            m.probabilities,
            m.labels,
            m.ddi.flatMap((d, i) => (d === g ? [i] : [])),
          ),
        ),
        types: [],
      },
      // The e2e registry's images stand in for each month's examples (six per month, in turn).
      examples: {
        chosenBy: 'seeded-sample',
        images: Array.from({ length: Math.min(6, imageIds.length) }, (_, j) => ({
          imageId: imageIds[(index * 6 + j) % imageIds.length] as string,
          capturedOn: `${MONTHS[index]}-${String(j + 10)}`,
          reason:
            index === MONTHS.length - 1 ? 'device phone-clip-x: 60% of the month, 0% of the reference' : null,
        })),
      },
    };
  });
  const alerts = windows.slice(REFERENCE_MONTHS).flatMap((w) => {
    const found = [];
    if (isAlert(w.metadata.device.jensenShannon, FIXED_DRIFT_THRESHOLDS.jensenShannon))
      found.push({
        window: w.window,
        area: 'metadata',
        feature: 'device',
        statistic: 'jensen_shannon',
        value: w.metadata.device.jensenShannon,
        threshold: FIXED_DRIFT_THRESHOLDS.jensenShannon.source,
      });
    if (isAlert(w.quality.brightness.psi, FIXED_DRIFT_THRESHOLDS.psiMajor))
      found.push({
        window: w.window,
        area: 'quality',
        feature: 'brightness',
        statistic: 'psi',
        value: w.quality.brightness.psi,
        threshold: FIXED_DRIFT_THRESHOLDS.psiMajor.source,
      });
    if (
      w.embeddings.mmdPValue < 0.01 &&
      isAlert(w.embeddings.domainClassifierAuroc, FIXED_DRIFT_THRESHOLDS.domainClassifierAuroc)
    )
      found.push({
        window: w.window,
        area: 'embeddings',
        feature: 'embedding',
        statistic: 'domain_classifier_auroc',
        value: w.embeddings.domainClassifierAuroc,
        threshold: `${FIXED_DRIFT_THRESHOLDS.domainClassifierAuroc.source} and MMD p < 0.01`,
      });
    return found;
  });
  // As the job does: an alerted month's examples are the ones furthest from the reference, the others a sample.
  const alerted = new Set(alerts.map((a) => a.window));
  for (const w of windows)
    w.examples.chosenBy = alerted.has(w.window) ? 'furthest-from-reference' : 'seeded-sample';
  const job = await finishedJob(db, 'DRIFT', { model: modelId, referenceMonths: REFERENCE_MONTHS });
  await saveDriftReport(db, {
    modelVersionId: modelId,
    jobId: job.id,
    referenceFrom: new Date('2026-01-01T00:00:00Z'),
    referenceTo: new Date('2026-03-31T23:59:59Z'),
    windows: JSON.parse(JSON.stringify(windows)),
    alerts: JSON.parse(JSON.stringify(alerts)),
  });
  return alerts.length;
}
