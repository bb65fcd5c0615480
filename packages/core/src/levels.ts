/** The objective's levels (musts, served, balance, score): comparisons, the balance worth, and the flows' major weights. */
import type { Prepared } from "./prepare.js";
import type { ObjectiveLevels } from "./types.js";
import { at } from "./at.js";

/** Scores closer than this are equal (sums of cents or of external decimals). */
const EPS = 1e-6;

/** Scores are summed in micro-units and shown rounded to 1e-6 to keep totals reproducible. */
export function roundScore(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** `a` is lexicographically better than `b`: more re-placed (re-planning), then more musts, more served, more balance, then a higher score. */
export function lexBetter(a: ObjectiveLevels, b: ObjectiveLevels): boolean {
  const replaced = (a.replaced ?? 0) - (b.replaced ?? 0);
  if (replaced !== 0) return replaced > 0;
  if (a.musts !== b.musts) return a.musts > b.musts;
  if (a.served !== b.served) return a.served > b.served;
  if (a.balance !== b.balance) return a.balance > b.balance;
  return a.score > b.score + EPS;
}

/** `a` is lexicographically at least `b`. */
export function atLeast(a: ObjectiveLevels, b: ObjectiveLevels): boolean {
  return !lexBetter(b, a);
}

/** Every level of `a` reaches `b`'s (an agenda at its bound). */
export function reaches(a: ObjectiveLevels, b: ObjectiveLevels): boolean {
  return reachesAboveScore(a, b) && a.score >= b.score - EPS;
}

/** Every level of `a` above the score reaches `b`'s: only the score can still be short. */
export function reachesAboveScore(a: ObjectiveLevels, b: ObjectiveLevels): boolean {
  return (a.replaced ?? 0) >= (b.replaced ?? 0) && a.musts >= b.musts && a.served >= b.served && a.balance >= b.balance;
}

/**
 * Worth of a firm's j-th meeting (1-based) on the balance level: `top + 1 − j`,
 * strictly decreasing, where `top` is the most meetings any firm of the stop
 * could hold (0 when balance is off). A concave worth per firm makes a
 * min-cost flow spread meetings: at its optimum no firm holds a (j+1)-th
 * meeting that a firm with fewer than j could take in its place.
 */
export function balanceWorth(prep: Prepared, j: number): number {
  return prep.balanceTop > 0 ? prep.balanceTop + 1 - j : 0;
}

/** The balance of a firm with `m` meetings: Σ_{j ≤ m} `balanceWorth(j)`. */
export function balanceOf(prep: Prepared, m: number): number {
  return prep.balanceTop > 0 ? m * (prep.balanceTop + 1) - (m * (m + 1)) / 2 : 0;
}

/** The balance level of per-firm meeting counts. */
export function balanceOfCounts(prep: Prepared, counts: ArrayLike<number>): number {
  let total = 0;
  for (let f = 0; f < counts.length; f++) total += balanceOf(prep, at(counts, f));
  return total;
}

/**
 * Integer weights folding levels 1–3 into one major cost, so that each level
 * outweighs everything below it together: `must` > every firm served and all
 * balance; `served` > all balance. Balance is worth `balanceWorth` per meeting.
 */
export interface MajorWeights {
  readonly must: number;
  readonly served: number;
}

const weightsCache = new WeakMap<Prepared, MajorWeights>();

/** The major weights of a stop (computed once per prepared instance). */
export function majorWeights(prep: Prepared): MajorWeights {
  const known = weightsCache.get(prep);
  if (known !== undefined) return known;
  let maxBalance = 0;
  let maxServed = 0;
  prep.firmCapacity.forEach((cap) => {
    maxBalance += balanceOf(prep, Math.min(cap, prep.balanceTop));
    maxServed += Math.min(cap, prep.minMeetings);
  });
  const served = maxBalance + 1;
  const weights = { must: served * maxServed + maxBalance + 1, served };
  weightsCache.set(prep, weights);
  return weights;
}

/** Major worth (positive) of a firm's j-th meeting: towards K, and its balance. */
export function meetingMajor(prep: Prepared, j: number, countServed = true, countBalance = true): number {
  return (countServed && j <= prep.minMeetings ? majorWeights(prep).served : 0) + (countBalance ? balanceWorth(prep, j) : 0);
}

