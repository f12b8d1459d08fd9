/**
 * The malignancy view: any multi-class output reduced to malignant vs benign through the concept
 * taxonomy. P(malignant) is the sum of the malignant classes' probabilities.
 */
export interface ConceptTaxonomyEntry {
  name: string;
  malignant: boolean;
}

/** HAM10000 in the class order of the DermFM-Zero evaluation harness. */
export const HAM10000_TAXONOMY: readonly ConceptTaxonomyEntry[] = [
  { name: 'akiec', malignant: true },
  { name: 'bcc', malignant: true },
  { name: 'bkl', malignant: false },
  { name: 'df', malignant: false },
  { name: 'nv', malignant: false },
  { name: 'vasc', malignant: false },
  { name: 'mel', malignant: true },
];

export function malignantClassIndices(taxonomy: readonly ConceptTaxonomyEntry[]): number[] {
  return taxonomy.flatMap((entry, index) => (entry.malignant ? [index] : []));
}

export interface MalignancyView {
  /** P(malignant) per case. */
  scores: Float64Array;
  /** 1 when the true class is malignant. */
  labels: Uint8Array;
}

export function reduceToMalignancy(
  probabilities: ArrayLike<number>,
  numClasses: number,
  labels: ArrayLike<number>,
  malignantClasses: readonly number[],
): MalignancyView {
  const isMalignant = new Uint8Array(numClasses);
  for (const c of malignantClasses) {
    if (!Number.isInteger(c) || c < 0 || c >= numClasses)
      throw new RangeError(`malignant class ${c} is not in 0..${numClasses - 1}`);
    isMalignant[c] = 1;
  }
  const n = labels.length;
  const scores = new Float64Array(n);
  const binary = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < numClasses; c++) if (isMalignant[c]) s += probabilities[i * numClasses + c];
    scores[i] = Math.min(1, s);
    binary[i] = isMalignant[labels[i]];
  }
  return { scores, labels: binary };
}
