import {
  COLOUR_HISTOGRAM_DIMS,
  colourHistogramFeatures,
  measureImageQuality,
  thumbnailFeatures,
} from '@dermino/analytics';
import { type AnswerKey, answerKeyOf } from '../answer-key.js';
import { generateCohort } from '../cohort.js';
import type { CohortOptions } from '../options.js';
import { renderImage } from '../render/render-image.js';
import type { SynthCohort } from '../types.js';

export const THUMBNAIL_GRID = 8;
export const THUMBNAIL_DIMS = THUMBNAIL_GRID * THUMBNAIL_GRID * 3;
export const HISTOGRAM_DIMS = COLOUR_HISTOGRAM_DIMS;

/**
 * What the platform's detectors see of a generated cohort (metadata, image statistics, pixel thumbnails), beside
 * its answer key: the fixture of the detector tests and benchmarks. Only what a registry holds goes in `rows`.
 */
export interface CohortFeatures {
  cohort: SynthCohort;
  key: AnswerKey;
  ids: string[];
  month: string[];
  caseId: string[];
  /** The observed label, null when unlabelled. */
  label: (string | null)[];
  metadata: Record<'device' | 'source' | 'modality' | 'site' | 'sex' | 'skin_type' | 'age_band', string[]>;
  quality: Record<'brightness' | 'contrast' | 'colorCast' | 'blurVariance', number[]>;
  /** [n, THUMBNAIL_DIMS] colour thumbnails in 0..1. */
  thumbnails: Float64Array;
  /** [n, HISTOGRAM_DIMS] skin-relative colour histograms. */
  histograms: Float64Array;
}

export function cohortFeatures(options: CohortOptions, renderSize = 48): CohortFeatures {
  const cohort = generateCohort(options);
  const patients = new Map(cohort.patients.map((patient) => [patient.id, patient]));
  const cases = new Map(cohort.cases.map((lesion) => [lesion.id, lesion]));
  const n = cohort.images.length;
  const thumbnails = new Float64Array(n * THUMBNAIL_DIMS);
  const histograms = new Float64Array(n * HISTOGRAM_DIMS);
  const quality: CohortFeatures['quality'] = {
    brightness: [],
    contrast: [],
    colorCast: [],
    blurVariance: [],
  };
  cohort.images.forEach((image, index) => {
    const rendered = renderImage(image, { size: renderSize });
    thumbnails.set(thumbnailFeatures(rendered, THUMBNAIL_GRID), index * THUMBNAIL_DIMS);
    histograms.set(colourHistogramFeatures(rendered), index * HISTOGRAM_DIMS);
    const measured = measureImageQuality(rendered);
    for (const name of Object.keys(quality) as (keyof typeof quality)[]) quality[name].push(measured[name]);
  });
  const patientOf = (index: number) => patients.get(cohort.images[index].patientId)!;
  const first = new Date(cohort.images.map((image) => image.capturedAt).sort()[0]);
  const ageBand = (birthYear: number) => `${Math.floor((first.getUTCFullYear() - birthYear) / 10) * 10}s`;
  return {
    cohort,
    key: answerKeyOf(cohort, options),
    ids: cohort.images.map((image) => image.id),
    month: cohort.images.map((image) => image.capturedAt.slice(0, 7)),
    caseId: cohort.images.map((image) => image.caseId),
    label: cohort.images.map((image) => image.label),
    metadata: {
      device: cohort.images.map((image) => image.device),
      source: cohort.images.map((image) => image.hospitalSite),
      modality: cohort.images.map((image) => image.modality),
      site: cohort.images.map((image) => cases.get(image.caseId)!.anatomicalSite),
      sex: cohort.images.map((_, i) => patientOf(i).sex),
      skin_type: cohort.images.map((_, i) => String(patientOf(i).skinType)),
      age_band: cohort.images.map((_, i) => ageBand(patientOf(i).birthYear)),
    },
    quality,
    thumbnails,
    histograms,
  };
}
