/**
 * Small seeded PRNG (mulberry32) and helpers. Every random choice in synth goes through a Rng made from
 * (seed, key), so any single record or image can be regenerated alone, in any order.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(min: number, max: number): number;
  int(min: number, maxInclusive: number): number;
  normal(mean?: number, std?: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  pickWeighted<T>(items: readonly T[], weights: readonly number[]): T;
  shuffle<T>(items: T[]): T[];
}

/** 32-bit FNV-1a over the UTF-16 code units, then a murmur3 finaliser to spread close keys apart. */
export function hashKey(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  const text = parts.join('\u0000');
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export function createRng(...keyParts: readonly (string | number)[]): Rng {
  let state = hashKey(...keyParts);
  let spareNormal: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, maxInclusive) => min + Math.floor(next() * (maxInclusive - min + 1)),
    normal: (mean = 0, std = 1) => {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return mean + std * value;
      }
      // Box-Muller; 1 - next() keeps log away from 0.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = radius * Math.sin(angle);
      return mean + std * radius * Math.cos(angle);
    },
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    pickWeighted: (items, weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let threshold = next() * total;
      for (let index = 0; index < items.length; index++) {
        threshold -= weights[index];
        if (threshold < 0) return items[index];
      }
      return items[items.length - 1];
    },
    shuffle: (items) => {
      for (let index = items.length - 1; index > 0; index--) {
        const other = Math.floor(next() * (index + 1));
        [items[index], items[other]] = [items[other], items[index]];
      }
      return items;
    },
  };
  return rng;
}
