/**
 * Temperature scaling (Guo et al. 2017): the T > 0 that minimises the negative log-likelihood of the true
 * labels under softmax(log p / T). Fitted on an evaluation's stored predictions; T > 1 softens an
 * over-confident model. Golden-section search on log T (the NLL is unimodal in T).
 */
export function fitTemperature(rows: { probabilities: number[]; label: number }[]): number | null {
  const usable = rows.filter((row) => row.label >= 0 && row.label < row.probabilities.length);
  if (usable.length < 10) return null;
  const logits = usable.map((row) => row.probabilities.map((p) => Math.log(Math.max(p, 1e-12))));
  const nll = (temperature: number) => {
    let total = 0;
    usable.forEach((row, index) => {
      const scaled = logits[index].map((z) => z / temperature);
      const max = Math.max(...scaled);
      const logSum = max + Math.log(scaled.reduce((sum, z) => sum + Math.exp(z - max), 0));
      total += logSum - scaled[row.label];
    });
    return total / usable.length;
  };
  let low = Math.log(0.05);
  let high = Math.log(20);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let step = 0; step < 60; step += 1) {
    const a = high - ratio * (high - low);
    const b = low + ratio * (high - low);
    if (nll(Math.exp(a)) < nll(Math.exp(b))) high = b;
    else low = a;
  }
  return Math.exp((low + high) / 2);
}

/** Probabilities after temperature scaling; unchanged when there is no temperature. */
export function applyTemperature(probabilities: ArrayLike<number>, temperature: number | null): number[] {
  const values = Array.from(probabilities);
  if (temperature === null) return values;
  const scaled = values.map((p) => Math.log(Math.max(p, 1e-12)) / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((z) => Math.exp(z - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

/** Shannon entropy in nats. */
export function entropyOf(probabilities: ArrayLike<number>): number {
  let entropy = 0;
  for (const p of Array.from(probabilities)) if (p > 0) entropy -= p * Math.log(p);
  return entropy;
}
