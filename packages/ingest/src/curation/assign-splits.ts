import { AppError, type Split } from '@dermino/db';

export type SplitRatios = Record<Split, number>;
export const SPLITS: readonly Split[] = ['TRAIN', 'VAL', 'TEST'];

/** "70/15/15" (or "0.8/0.1/0.1", or "80/20" with no test split) into fractions summing to 1. */
export function parseSplitRatios(text: string): SplitRatios {
  const parts = text.split('/').map((part) => Number(part.trim()));
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => !Number.isFinite(part) || part < 0)) {
    throw new AppError('BAD_INPUT', {
      message: `--split "${text}" must be two or three non-negative numbers like 70/15/15.`,
      details: { argument: 'split' },
    });
  }
  const total = parts.reduce((sum, part) => sum + part, 0);
  if (total <= 0 || parts[0] === 0)
    throw new AppError('BAD_INPUT', { message: `--split "${text}" needs a training share above 0.` });
  const [train, val, test = 0] = parts.map((part) => part / total);
  return { TRAIN: train, VAL: val, TEST: test };
}

export interface SplitItem {
  id: string;
  /** Lesion or patient: a group never straddles two splits. */
  group: string;
  /** Usually the label: each split gets each stratum in the given ratios. */
  stratum: string;
  /** Exact duplicates are kept together even across groups. */
  sha256?: string | null;
}

/** mulberry32: small, fast, seedable; the same seed gives the same split on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function components(items: readonly SplitItem[]): SplitItem[][] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  const union = (a: string, b: string) => {
    for (const key of [a, b]) if (!parent.has(key)) parent.set(key, key);
    parent.set(find(a), find(b));
  };
  for (const item of items) {
    union(`g:${item.group}`, `g:${item.group}`);
    if (item.sha256) union(`g:${item.group}`, `h:${item.sha256}`);
  }
  const byRoot = new Map<string, SplitItem[]>();
  for (const item of items) {
    const root = find(`g:${item.group}`);
    const group = byRoot.get(root);
    if (group) group.push(item);
    else byRoot.set(root, [item]);
  }
  return [...byRoot.values()];
}

function majorityStratum(items: readonly SplitItem[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.stratum, (counts.get(item.stratum) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

/**
 * Stratified group split: groups (joined by exact duplicates) are dealt, per stratum, largest first and in seeded
 * random order among equals, to the split furthest below its target share of that stratum.
 */
export function assignSplits(
  items: readonly SplitItem[],
  options: { ratios: SplitRatios; seed: number },
): Map<string, Split> {
  const next = random(options.seed);
  const byStratum = new Map<string, SplitItem[][]>();
  for (const group of components(items)) {
    const stratum = majorityStratum(group);
    const groups = byStratum.get(stratum);
    if (groups) groups.push(group);
    else byStratum.set(stratum, [group]);
  }
  const assignment = new Map<string, Split>();
  for (const stratum of [...byStratum.keys()].sort()) {
    const groups = byStratum.get(stratum)!.map((group) => ({ group, key: next() }));
    groups.sort((a, b) => b.group.length - a.group.length || a.key - b.key);
    const total = groups.reduce((sum, { group }) => sum + group.length, 0);
    const filled: Record<Split, number> = { TRAIN: 0, VAL: 0, TEST: 0 };
    for (const { group } of groups) {
      const split = SPLITS.reduce((best, candidate) =>
        options.ratios[candidate] * total - filled[candidate] > options.ratios[best] * total - filled[best]
          ? candidate
          : best,
      );
      filled[split] += group.length;
      for (const item of group) assignment.set(item.id, split);
    }
  }
  return assignment;
}
