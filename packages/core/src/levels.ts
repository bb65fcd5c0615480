import type { ObjectiveLevels } from "./types.js";

/** Scores closer than this are equal (sums of cents or of external decimals). */
const EPS = 1e-6;

/** `a` is lexicographically better than `b`: more re-placed (re-planning), then more musts, then more served, then a higher score. */
export function lexBetter(a: ObjectiveLevels, b: ObjectiveLevels): boolean {
  const replaced = (a.replaced ?? 0) - (b.replaced ?? 0);
  if (replaced !== 0) return replaced > 0;
  return a.musts !== b.musts ? a.musts > b.musts : a.served !== b.served ? a.served > b.served : a.score > b.score + EPS;
}

/** `a` is lexicographically at least `b`. */
export function atLeast(a: ObjectiveLevels, b: ObjectiveLevels): boolean {
  return !lexBetter(b, a);
}

/** Every level of `a` reaches `b`'s (an agenda at its bound). */
export function reaches(a: ObjectiveLevels, b: ObjectiveLevels): boolean {
  return (a.replaced ?? 0) >= (b.replaced ?? 0) && a.musts >= b.musts && a.served >= b.served && a.score >= b.score - EPS;
}
