import { SYNTH_CLASS_CODES, SYNTH_CLASSES, type SynthClassCode } from './classes.js';
import { HOSPITAL_SITES } from './devices.js';
import type { HospitalSite } from './types.js';

export interface CohortOptions {
  /** Integer seed; the same seed and options give the same cohort and the same pixels. */
  seed?: number;
  imageCount?: number;
  /** Relative class weights (normalised); missing codes get weight 0 once any weight is given. */
  classPrior?: Partial<Record<SynthClassCode, number>>;
  labelledFraction?: number;
  /** Fraction of the labelled images whose label is wrong. */
  labelNoise?: number;
  nearDuplicateFraction?: number;
  clinicalFraction?: number;
  hairFraction?: number;
  rulerFraction?: number;
  /** First capture day (ISO date or Date); captures spread over `months` from here. */
  startDate?: string | Date;
  months?: number;
  /** One hospital site changes its device at this month (0-based from startDate); null turns drift off. */
  drift?: { site: HospitalSite; month: number } | null;
  maxLesionsPerPatient?: number;
  maxImagesPerLesion?: number;
  /** Prefix of every generated id, so two cohorts can live in one registry. Default `syn<seed>`. */
  idPrefix?: string;
}

export type ResolvedCohortOptions = Required<Omit<CohortOptions, 'classPrior' | 'startDate' | 'drift'>> & {
  classPrior: Record<SynthClassCode, number>;
  startDate: Date;
  drift: { site: HospitalSite; month: number } | null;
};

export class SynthOptionsError extends Error {
  constructor(
    readonly option: string,
    requirement: string,
    value: unknown,
  ) {
    super(`synth: option "${option}" ${requirement} (got ${JSON.stringify(value) ?? String(value)})`);
    this.name = 'SynthOptionsError';
  }
}

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function checkFraction(name: string, value: number, max = 1): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new SynthOptionsError(name, `must be a number in [0, ${max}]`, value);
  }
  return value;
}

function checkInteger(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!isInteger(value) || value < min || value > max) {
    throw new SynthOptionsError(name, `must be an integer in [${min}, ${max}]`, value);
  }
  return value;
}

function resolvePrior(prior: CohortOptions['classPrior']): Record<SynthClassCode, number> {
  const weights = Object.fromEntries(
    SYNTH_CLASSES.map((cls) => [cls.code, prior ? 0 : cls.defaultPrior]),
  ) as Record<SynthClassCode, number>;
  if (!prior) return weights;
  if (typeof prior !== 'object')
    throw new SynthOptionsError('classPrior', 'must be an object of class weights', prior);
  for (const [code, weight] of Object.entries(prior)) {
    if (!SYNTH_CLASS_CODES.includes(code as SynthClassCode)) {
      throw new SynthOptionsError(
        `classPrior.${code}`,
        `is not a class; use ${SYNTH_CLASS_CODES.join(', ')}`,
        weight,
      );
    }
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new SynthOptionsError(`classPrior.${code}`, 'must be a finite number >= 0', weight);
    }
    weights[code as SynthClassCode] = weight;
  }
  const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
  if (total <= 0)
    throw new SynthOptionsError('classPrior', 'must give at least one class a weight > 0', prior);
  for (const code of SYNTH_CLASS_CODES) weights[code] /= total;
  return weights;
}

export function resolveCohortOptions(options: CohortOptions = {}): ResolvedCohortOptions {
  if (options === null || typeof options !== 'object') {
    throw new SynthOptionsError('options', 'must be an object', options);
  }
  const seed = checkInteger('seed', options.seed ?? 42, 0, 2 ** 32 - 1);
  const months = checkInteger('months', options.months ?? 12, 1, 120);
  const startDate = new Date(options.startDate ?? '2025-01-01T00:00:00Z');
  if (Number.isNaN(startDate.getTime())) {
    throw new SynthOptionsError('startDate', 'must be an ISO date or a valid Date', options.startDate);
  }
  const drift = options.drift === undefined ? { site: 'site-b' as const, month: 8 } : options.drift;
  if (drift !== null) {
    if (!HOSPITAL_SITES.includes(drift.site)) {
      throw new SynthOptionsError('drift.site', `must be one of ${HOSPITAL_SITES.join(', ')}`, drift.site);
    }
    checkInteger('drift.month', drift.month, 1, months - 1);
  }
  const idPrefix = options.idPrefix ?? `syn${seed}`;
  if (typeof idPrefix !== 'string' || !/^[A-Za-z0-9_-]+$/.test(idPrefix)) {
    throw new SynthOptionsError(
      'idPrefix',
      'must be a non-empty string of letters, digits, _ or -',
      idPrefix,
    );
  }
  return {
    seed,
    imageCount: checkInteger('imageCount', options.imageCount ?? 2000, 1, 1_000_000),
    classPrior: resolvePrior(options.classPrior),
    labelledFraction: checkFraction('labelledFraction', options.labelledFraction ?? 0.2),
    labelNoise: checkFraction('labelNoise', options.labelNoise ?? 0.03),
    nearDuplicateFraction: checkFraction('nearDuplicateFraction', options.nearDuplicateFraction ?? 0.02, 0.5),
    clinicalFraction: checkFraction('clinicalFraction', options.clinicalFraction ?? 0.05),
    hairFraction: checkFraction('hairFraction', options.hairFraction ?? 0.3),
    rulerFraction: checkFraction('rulerFraction', options.rulerFraction ?? 0.15),
    startDate,
    months,
    drift,
    maxLesionsPerPatient: checkInteger('maxLesionsPerPatient', options.maxLesionsPerPatient ?? 4, 1, 50),
    maxImagesPerLesion: checkInteger('maxImagesPerLesion', options.maxImagesPerLesion ?? 4, 1, 50),
    idPrefix,
  };
}
