/** The stop with some meetings pinned (re-planning): what every stage of the search works on, and the bounds of its levels. */
import type { Board } from "../board.js";
import { reaches } from "../levels.js";
import { relaxedLevels, tightest } from "../bounds.js";
import type { Budget } from "../budget.js";
import { goal, search } from "../search/search.js";
import { delegationAt, firmAt, pairAt, type Prepared } from "../prepare.js";
import type { Pinned, Pins } from "../pins.js";
import { improve } from "../search/improve.js";
import { Selector } from "../select.js";
import { ReplaceRouting } from "./routing.js";
import { timetable } from "../timetable.js";
import type { ObjectiveLevels } from "../types.js";
import { ExactPolish, polishable, withProven } from "../exact/polish.js";
import { addI32, i32 } from "../at.js";

/** A board of the pinned stop, with its bounds. */
export interface PinnedSolve {
  readonly prep: Pinned;
  readonly board: Board;
  readonly bounds: ObjectiveLevels;
  readonly timedOut: boolean;
}

/** A placed meeting: pair and 0-based slot. */
export interface PairSlot {
  readonly pair: number;
  readonly slot: number;
}

/**
 * `prep` with `pinned` meetings (pair, 0-based slot) fixed: their pairs are
 * blocked (nothing may place them again), their places and levels are in
 * `pins`, and `replace[pair]` is each pair's weight on the re-placed level.
 */
export function pinnedPrep(prep: Prepared, pinned: readonly { readonly pair: number; readonly slot: number }[], replace: Int32Array): Pinned {
  const n = prep.slots.length;
  const firmLoad = new Int32Array(prep.firms.length * n);
  const delegationLoad = new Int32Array(prep.delegations.length * n);
  const firmMeetings = new Int32Array(prep.firms.length);
  const delegationMeetings = new Int32Array(prep.delegations.length);
  const mustMeetings = new Int32Array(prep.musts.length);
  const mustIndex = new Map(prep.musts.map((m, i) => [`${m.firm}|${m.country}`, i]));
  let score = 0;
  const blocked = new Set<number>();
  for (const { pair, slot } of pinned) {
    const p = pairAt(prep, pair);
    blocked.add(pair);
    addI32(firmLoad, p.firm * n + slot, 1);
    addI32(delegationLoad, p.delegation * n + slot, 1);
    addI32(firmMeetings, p.firm, 1);
    addI32(delegationMeetings, p.delegation, 1);
    score += p.affinity.score;
    const must = p.must ? mustIndex.get(`${p.firm}|${delegationAt(prep, p.delegation).country}`) : undefined;
    if (must !== undefined) addI32(mustMeetings, must, 1);
  }
  const pins: Pins = { firmLoad, delegationLoad, firmMeetings, delegationMeetings, mustMeetings, score, replace };
  // A new meeting can only be where both still have room (pins never move): a pair keeps those slots only,
  // and pairs left without any are out of `eligible` (nothing else could place them: every move checks the room).
  const pairs = [...prep.pairs];
  const eligible: number[] = [];
  let candidates = 0;
  for (const i of prep.eligible) {
    const p = pairAt(prep, i);
    // A pinned pair is shown as having met: it must not meet a second time.
    if (blocked.has(i)) {
      pairs[i] = { ...p, block: "met-before" };
      continue;
    }
    const reps = firmAt(prep, p.firm).representatives;
    const tables = delegationAt(prep, p.delegation).tables;
    const isOpen = (t: number): boolean => i32(firmLoad, p.firm * n + t) < reps && i32(delegationLoad, p.delegation * n + t) < tables;
    let open = 0;
    for (const t of p.slots) if (isOpen(t)) open++;
    if (open === 0) continue;
    if (open < p.slots.length) pairs[i] = { ...p, slots: p.slots.filter(isOpen) };
    eligible.push(i);
    candidates += open;
  }
  return {
    ...prep,
    pairs,
    eligible,
    candidates,
    // Pins leave uneven room per slot: edge colouring no longer applies.
    windowed: true,
    pins,
  };
}

/**
 * Upper bounds on the levels of any agenda with these pins, each valid on its
 * own: the relaxations' optima bound the re-placed level; a level below is
 * bounded by the optima that agree with ours on every level above when ours
 * reach their bounds, and otherwise by a relaxation of that level alone.
 */
export function pinnedBounds(prep: Pinned, optima: readonly ObjectiveLevels[], levels: ObjectiveLevels): ObjectiveLevels {
  const min = (values: readonly number[]): number => Math.min(...values);
  const replacedOf = (o: ObjectiveLevels): number => o.replaced ?? 0;
  const replaced = min(optima.map(replacedOf));
  const ours = replacedOf(levels);
  const sameReplaced = ours >= replaced ? optima.filter((o) => replacedOf(o) === ours) : [];
  const musts = sameReplaced.length > 0 ? min(sameReplaced.map((o) => o.musts)) : meetableMusts(prep);
  const sameMusts = levels.musts >= musts ? sameReplaced.filter((o) => o.musts === levels.musts) : [];
  const served = sameMusts.length > 0 ? min(sameMusts.map((o) => o.served)) : min(relaxedLevels(prep, "served").map((o) => o.served));
  const sameServed = levels.served >= served ? sameMusts.filter((o) => o.served === levels.served) : [];
  const ownBalance = sameServed.map((o) => o.balance).filter((b) => Number.isFinite(b));
  const balance = ownBalance.length > 0 ? min(ownBalance) : min(relaxedLevels(prep, "balance").map((o) => o.balance));
  const sameBalance = levels.balance >= balance ? sameServed.filter((o) => o.balance === levels.balance) : [];
  const score = sameBalance.length > 0 ? min(sameBalance.map((o) => o.score)) : Infinity;
  return {
    replaced,
    musts,
    served,
    balance,
    score: Number.isFinite(score) ? score : min(relaxedLevels(prep, "score").map((o) => o.score)),
  };
}

/** Musts met by a pin or with some pair that may still meet: a bound on the musts alone. */
function meetableMusts(prep: Pinned): number {
  const open = new Set(prep.eligible.filter((i) => pairAt(prep, i).must).map((i) => `${pairAt(prep, i).firm}|${delegationAt(prep, pairAt(prep, i).delegation).country}`));
  return prep.musts.filter((m, i) => (prep.pins.mustMeetings[i] ?? 0) > 0 || open.has(`${m.firm}|${m.country}`)).length;
}

/**
 * Plans the stop around pinned meetings as `planStop` plans a stop: select on
 * what the pins leave, timetable, search while short of the relaxations'
 * optima; bounds per level.
 */
export function solvePinned(
  prep: Prepared,
  fixed: readonly PairSlot[],
  replace: Int32Array,
  budget: Budget,
  start?: (rp: Pinned) => Board,
): PinnedSolve {
  const rp = pinnedPrep(prep, fixed, replace);
  const selector = new Selector(rp, "lexicographic", (first) => new ReplaceRouting(rp, first));
  const relaxed = selector.selection;
  budget.report("timetable", { step: "placing-around", meetings: relaxed.pairs.length, kept: fixed.length });
  const first = timetable(rp, relaxed.pairs, start?.(rp));
  // Local search first: on the few free table-slots it usually reaches the tolerated gap of the flow's optimum,
  // and then there is nothing more to search (nor a slot relaxation to build).
  // The stop's own tolerance (by its size, as `schedule` would use), not the pinned stop's smaller one.
  const gap = budget.tolerance(prep);
  const near = goal(relaxed.levels, gap);
  if (!reaches(first.levels(), near)) improve(rp, first, budget);
  const short = !reaches(first.levels(), near);
  const optima = short ? relaxedLevels(rp, "lexicographic", relaxed) : [relaxed.levels];
  const exact = short && polishable(rp, budget.exact) ? new ExactPolish(rp, (l) => pinnedBounds(rp, optima, l), budget.exact, budget, gap) : null;
  const { board, timedOut } = short
    ? search(rp, selector, first, goal(tightest(optima), gap), budget, exact?.hook())
    : { board: first, timedOut: false };
  const bounds = withProven(pinnedBounds(rp, optima, board.levels()), exact?.proven ?? {});
  return { prep: rp, board, bounds, timedOut: timedOut || (exact?.timedOut ?? false) };
}
