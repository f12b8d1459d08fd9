import type { SynthClassCode } from './classes.js';
import { generateCohort } from './cohort.js';
import { type CohortOptions, resolveCohortOptions } from './options.js';
import type { HospitalSite, SynthCohort } from './types.js';

/**
 * What the generator planted in a cohort, by synthetic image id (the registry keeps it as the image's source id).
 * Computed from the seed and options on demand, never stored where a model or detector could read it.
 */
export interface AnswerKey {
  seed: number;
  /** Images whose observed label is wrong (their true diagnosis is in `truth`). */
  wrongLabels: string[];
  /** The site whose device changes, and the first month (YYYY-MM) captured with the new device. */
  drift: { site: HospitalSite; month: string } | null;
  /** [original, near-copy] pairs. */
  nearDuplicates: [string, string][];
  /** Every image's true diagnosis. */
  truth: Record<string, SynthClassCode>;
}

function monthOf(start: Date, offset: number): string {
  const date = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1));
  return date.toISOString().slice(0, 7);
}

/** The answer key of a generated cohort (the options must be the ones it was generated with). */
export function answerKeyOf(cohort: SynthCohort, options: CohortOptions = {}): AnswerKey {
  const resolved = resolveCohortOptions({ ...options, seed: cohort.seed });
  return {
    seed: cohort.seed,
    wrongLabels: cohort.images.filter((image) => image.labelWrong).map((image) => image.id),
    drift: resolved.drift
      ? { site: resolved.drift.site, month: monthOf(resolved.startDate, resolved.drift.month) }
      : null,
    nearDuplicates: cohort.images.flatMap((image) =>
      image.nearDuplicateOf ? [[image.nearDuplicateOf, image.id] as [string, string]] : [],
    ),
    truth: Object.fromEntries(cohort.images.map((image) => [image.id, image.diagnosis])),
  };
}

/** Generates the cohort again from its seed and options and returns what was planted in it. */
export function computeAnswerKey(options: CohortOptions): AnswerKey {
  return answerKeyOf(generateCohort(options), options);
}

/**
 * The demo registry's cohort: half the images labelled, so that the held-out splits (labelled images only) give
 * every evaluated group of the three commonest skin types 30 or more images; the rest feed pretraining.
 */
export function demoCohortOptions(seed: number, imageCount: number): CohortOptions {
  return { seed, imageCount, labelledFraction: 0.5 };
}
