// "Did you mean" suggestions: the nearest known values to a mistyped one.
import { distance } from "fastest-levenshtein";
import { nearAs } from "../text/cli-text.js";

/** The said "did you mean" of a mistyped value (`; did you mean A or B?`, nothing when there is none), worded in the reader's language. */
export { nearAs };

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
