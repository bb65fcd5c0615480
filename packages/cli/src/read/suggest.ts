// "Did you mean" suggestions: the nearest known values to a mistyped one.
import { distance } from "fastest-levenshtein";

/**
 * The candidates nearest to `value` (case-insensitive), at most `limit`, all at
 * the best distance found and within `maxDistance` (default: a third of the
 * length, at least 1). Ties sort alphabetically, so the answer is stable.
 */
export function nearest(value: string, candidates: Iterable<string>, maxDistance?: number, limit = 3): string[] {
  const needle = value.toLowerCase();
  const max = maxDistance ?? Math.max(1, Math.floor(needle.length / 3));
  let best = max + 1;
  let found: string[] = [];
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < best) {
      best = d;
      found = [candidate];
    } else if (d === best) {
      found.push(candidate);
    }
  }
  return [...new Set(found)].sort().slice(0, limit);
}

/** `"; did you mean A?"`, `"; did you mean A or B?"`, or `""`. */
export function didYouMean(options: readonly string[]): string {
  if (options.length === 0) return "";
  if (options.length === 1) return `; did you mean ${options[0]}?`;
  return `; did you mean ${options.slice(0, -1).join(", ")} or ${options.at(-1)}?`;
}
