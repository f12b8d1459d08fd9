import { expectedCalibrationError } from '../metrics/calibration.js';
import { MISSING_GROUP, normaliseAttributeValue } from './groups.js';

/**
 * Group fairness of a binary decision, with Fairlearn's definitions (fairlearn.metrics):
 * selection rate = P(yhat = 1); demographic_parity_difference = max - min selection rate;
 * equalized_odds_difference = max(TPR gap, FPR gap) (method "between_groups").
 */
export interface GroupRates {
  n: number;
  selectionRate: number;
  tpr: number;
  fpr: number;
}

export function ratesByGroup(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  sensitive: ArrayLike<string | number | null | undefined>,
): Map<string, GroupRates> {
  const counts = new Map<
    string,
    { n: number; selected: number; tp: number; p: number; fp: number; neg: number }
  >();
  for (let i = 0; i < yPred.length; i++) {
    const key = normaliseAttributeValue(sensitive[i]);
    let c = counts.get(key);
    if (!c) {
      c = { n: 0, selected: 0, tp: 0, p: 0, fp: 0, neg: 0 };
      counts.set(key, c);
    }
    c.n++;
    c.selected += yPred[i];
    if (yTrue[i] === 1) {
      c.p++;
      c.tp += yPred[i];
    } else {
      c.neg++;
      c.fp += yPred[i];
    }
  }
  const rates = new Map<string, GroupRates>();
  for (const [key, c] of counts) {
    rates.set(key, {
      n: c.n,
      selectionRate: c.selected / c.n,
      tpr: c.p ? c.tp / c.p : Number.NaN,
      fpr: c.neg ? c.fp / c.neg : Number.NaN,
    });
  }
  return rates;
}

const spread = (values: number[]) => {
  const finite = values.filter(Number.isFinite);
  return finite.length < 2 ? Number.NaN : Math.max(...finite) - Math.min(...finite);
};

export function demographicParityDifference(
  yPred: ArrayLike<number>,
  sensitive: ArrayLike<string | number | null | undefined>,
): number {
  return spread([...ratesByGroup(yPred, yPred, sensitive).values()].map((r) => r.selectionRate));
}

/** Lowest / highest selection rate; the four-fifths rule passes at >= 0.8. */
export function demographicParityRatio(
  yPred: ArrayLike<number>,
  sensitive: ArrayLike<string | number | null | undefined>,
): number {
  const rates = [...ratesByGroup(yPred, yPred, sensitive).values()].map((r) => r.selectionRate);
  const max = Math.max(...rates);
  return max > 0 ? Math.min(...rates) / max : Number.NaN;
}

export function fourFifthsCheck(
  yPred: ArrayLike<number>,
  sensitive: ArrayLike<string | number | null | undefined>,
): { ratio: number; passes: boolean } {
  const ratio = demographicParityRatio(yPred, sensitive);
  return { ratio, passes: ratio >= 0.8 };
}

export function equalizedOddsDifference(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  sensitive: ArrayLike<string | number | null | undefined>,
): { value: number; tprDifference: number; fprDifference: number } {
  const rates = [...ratesByGroup(yTrue, yPred, sensitive).values()];
  const tprDifference = spread(rates.map((r) => r.tpr));
  const fprDifference = spread(rates.map((r) => r.fpr));
  return { value: Math.max(tprDifference, fprDifference), tprDifference, fprDifference };
}

/** ECE per group (binary: confidence = P(positive), outcome = label; or top-label confidences). */
export function calibrationByGroup(
  confidences: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  sensitive: ArrayLike<string | number | null | undefined>,
  numBins = 15,
  minGroupSize = 30,
): Record<string, { n: number; ece: number | null }> {
  const members = new Map<string, number[]>();
  for (let i = 0; i < confidences.length; i++) {
    const key = normaliseAttributeValue(sensitive[i]);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  }
  const out: Record<string, { n: number; ece: number | null }> = {};
  for (const [key, list] of [...members].sort(([a], [b]) =>
    a === MISSING_GROUP ? 1 : b === MISSING_GROUP ? -1 : a.localeCompare(b),
  )) {
    out[key] = {
      n: list.length,
      ece:
        list.length < minGroupSize
          ? null
          : expectedCalibrationError(
              list.map((i) => confidences[i]),
              list.map((i) => outcomes[i]),
              numBins,
            ).ece,
    };
  }
  return out;
}
