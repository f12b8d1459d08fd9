/**
 * Images of one lesion share one true diagnosis, so the labels of an image's siblings are evidence about its own
 * truth. Each row's probabilities are updated by Bayes with the labels of the other labelled images of its group,
 * each read as correct with probability 1 - readerError and otherwise any other class: the row's own label never
 * enters its own row, so the result stays out of sample for confident learning.
 */
export function withLesionEvidence(
  probabilities: ArrayLike<number>,
  classes: number,
  labels: ArrayLike<number>,
  groups: ArrayLike<string>,
  readerError = 0.1,
): Float64Array {
  const n = labels.length;
  const counts = new Map<string, Float64Array>();
  for (let i = 0; i < n; i++) {
    let row = counts.get(groups[i]);
    if (!row) {
      row = new Float64Array(classes);
      counts.set(groups[i], row);
    }
    row[labels[i]]++;
  }
  const logRight = Math.log(1 - readerError);
  const logWrong = Math.log(readerError / (classes - 1));
  const out = new Float64Array(n * classes);
  for (let i = 0; i < n; i++) {
    const siblings = counts.get(groups[i])!;
    const total = siblings.reduce((a, v) => a + v, 0) - 1;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classes; c++) {
      const agree = siblings[c] - (labels[i] === c ? 1 : 0);
      const logp =
        Math.log(Math.max(1e-12, probabilities[i * classes + c])) +
        agree * logRight +
        (total - agree) * logWrong;
      out[i * classes + c] = logp;
      if (logp > max) max = logp;
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += out[i * classes + c] = Math.exp(out[i * classes + c] - max);
    for (let c = 0; c < classes; c++) out[i * classes + c] /= sum;
  }
  return out;
}
