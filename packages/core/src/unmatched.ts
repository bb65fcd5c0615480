/** Why firms got fewer than K meetings or an unmet `must`: one reason code per firm and request, from the board. */
import type { Board } from "./board.js";
import { delegationAt, firmAt, type Pair, type Prepared } from "./prepare.js";
import type { Unmatched, UnmatchedReason } from "./types.js";
import { at, i32 } from "./at.js";

/** Why a set of pairs produced no meeting: the first reason that explains all of them. */
function reasonFor(prep: Prepared, firm: number, pairs: readonly Pair[]): UnmatchedReason {
  const f = firmAt(prep, firm);
  if (f.maxMeetings !== null && f.maxMeetings < prep.minMeetings) return "max-meetings";
  if (!at(prep.firmPresent, firm).some(Boolean)) return "not-present";
  if (pairs.length === 0) return "no-eligible-delegation";
  if (pairs.some((p) => p.block === null)) return "capacity";
  if (pairs.every((p) => p.block === "no-common-slot")) return "not-present";
  if (pairs.some((p) => p.block === "met-before")) return "met-before";
  if (pairs.some((p) => p.block === "avoided")) return "avoided";
  return "no-eligible-delegation";
}

/**
 * Firms with fewer than K meetings and `must` requests not met, each with the
 * reason. A must whose country has no delegation at the stop is "no eligible delegation".
 */
export function unmatched(prep: Prepared, board: Board): Unmatched[] {
  const D = prep.delegations.length;
  const firmPairs = (f: number): Pair[] => prep.pairs.slice(f * D, (f + 1) * D);
  const out: Unmatched[] = [];
  prep.firms.forEach((firm, f) => {
    const meetings = i32(board.firmMeetings, f);
    if (meetings < prep.minMeetings) {
      const scored = firmPairs(f).filter((p) => p.block !== "zero-score");
      out.push({ firmId: firm.id, country: null, reason: reasonFor(prep, f, scored), meetings });
    }
  });
  prep.musts.forEach((m, i) => {
    if (i32(board.mustMeetings, i) > 0) return;
    const ofCountry = firmPairs(m.firm).filter((p) => delegationAt(prep, p.delegation).country === m.country);
    const scored = ofCountry.filter((p) => p.block !== "zero-score");
    out.push({
      firmId: firmAt(prep, m.firm).id,
      country: m.country,
      reason: reasonFor(prep, m.firm, scored),
      meetings: i32(board.firmMeetings, m.firm),
    });
  });
  return out.sort((a, b) => (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : (a.country ?? "") < (b.country ?? "") ? -1 : 1));
}
