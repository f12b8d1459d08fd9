export interface Domain {
  min: number;
  max: number;
}

/** Maps a domain onto a pixel range (range may be inverted, as the y axis is). */
export function linearScale(domain: Domain, from: number, to: number): (value: number) => number {
  const span = domain.max - domain.min || 1;
  return (value) => from + ((value - domain.min) / span) * (to - from);
}

/** About `count` round tick values covering the domain (1, 2 or 5 times a power of ten apart). */
export function niceTicks(domain: Domain, count = 5): number[] {
  const span = domain.max - domain.min;
  if (!(span > 0)) return [domain.min];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // The round step nearest the raw one (Heckbert's nice numbers), so a chart gets about `count` ticks.
  const ratio = raw / power;
  const step = (ratio < 1.5 ? 1 : ratio < 3 ? 2 : ratio < 7 ? 5 : 10) * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(domain.min / step) * step; tick <= domain.max + step * 1e-9; tick += step) {
    ticks.push(Number(tick.toPrecision(12)));
  }
  return ticks;
}

/** The smallest domain holding every value, padded a little so points do not sit on the frame. */
export function domainOf(values: readonly number[], pad = 0.05): Domain {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { min: 0, max: 1 };
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  const margin = (max - min) * pad;
  return { min: min - margin, max: max + margin };
}

export function formatTick(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return value.toLocaleString('en-GB', { maximumFractionDigits: 0 });
  if (magnitude >= 10) return value.toFixed(0);
  return Number(value.toPrecision(3)).toString();
}
