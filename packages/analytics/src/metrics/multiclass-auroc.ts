import { binaryAuroc } from './ranking.js';

/** Column c of a row-major n x k matrix. */
export function classColumn(probabilities: ArrayLike<number>, numClasses: number, c: number): Float64Array {
  const n = probabilities.length / numClasses;
  const column = new Float64Array(n);
  for (let i = 0; i < n; i++) column[i] = probabilities[i * numClasses + c];
  return column;
}

export function oneVsRestLabels(labels: ArrayLike<number>, c: number): Uint8Array {
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = labels[i] === c ? 1 : 0;
  return out;
}

export interface MulticlassAurocResult {
  perClass: number[];
  /** Unweighted mean over classes where AUROC is defined (both positives and negatives present). */
  macro: number;
}

/** One-vs-rest AUROC per class and its macro average (scikit-learn's roc_auc_score multi_class='ovr', average='macro'). */
export function oneVsRestAuroc(
  probabilities: ArrayLike<number>,
  numClasses: number,
  labels: ArrayLike<number>,
  weights?: ArrayLike<number>,
): MulticlassAurocResult {
  const perClass: number[] = [];
  for (let c = 0; c < numClasses; c++) {
    perClass.push(
      binaryAuroc({
        scores: classColumn(probabilities, numClasses, c),
        labels: oneVsRestLabels(labels, c),
        weights,
      }),
    );
  }
  const defined = perClass.filter(Number.isFinite);
  return {
    perClass,
    macro: defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : Number.NaN,
  };
}
