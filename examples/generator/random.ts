/** A small seeded PRNG (mulberry32) and the draws the generator needs. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One key, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** `n` distinct keys, each draw proportional to the remaining weights. */
  weightedDistinct<K extends string>(weights: Readonly<Record<K, number>>, n: number): K[];
}

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const weighted = <K extends string>(weights: Readonly<Record<K, number>>): K => {
    // Keys in insertion order, so the draw depends only on the seed.
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1]![0];
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted,
    weightedDistinct<K extends string>(weights: Readonly<Record<K, number>>, n: number): K[] {
      const left: Partial<Record<K, number>> = { ...weights };
      const out: K[] = [];
      while (out.length < n && Object.keys(left).length > 0) {
        const key = weighted(left as Record<K, number>);
        out.push(key);
        delete left[key];
      }
      return out;
    },
  };
}
