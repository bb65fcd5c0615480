/** The windowed search: from the first timetable towards the bound, by local search, re-selection, exact re-optimisation, exchanges and large neighbourhoods. */
import { slotCore } from "../bounds.js";
import { lexBetter, reaches, reachesAboveScore } from "../levels.js";
import type { Prepared } from "../prepare.js";
import type { Selector } from "../select.js";
import { boardOf, timetable } from "../timetable.js";
import type { ObjectiveLevels, SearchStage } from "../types.js";
import type { Budget } from "../budget.js";
import type { Board } from "../board.js";
import { exchange } from "./exchange.js";
import { improve, THOROUGH } from "./improve.js";
import { largeNeighbourhoodSearch } from "./lns.js";
import { reoptimiseParticipants } from "./reassign.js";
import { reoptimiseSlots } from "./reslot.js";
import type { Watch } from "./watch.js";

/** The search's stages, as progress reports name them (`values.stage`). */

/** The levels a search aims for: the bound, less the tolerated gap on the score (none when the score is unbounded). */
export function goal(bound: ObjectiveLevels, tolerance: number): ObjectiveLevels {
  return Number.isFinite(bound.score) ? { ...bound, score: bound.score - tolerance * Math.abs(bound.score) } : bound;
}

/** Progress is reported at most this often (ms) from inside the search. */
const TICK_MS = 1000;

/**
 * Under windows, when the first timetable falls short: improve it, and while
 * below the bound re-select without the pairs that did not fit; then
 * re-optimise slots and exchange towards the selection; then large
 * neighbourhoods; then the exact polish (`exact`, when given). Every step stops as soon as the board reaches `target`
 * (which `retarget`, when given, replaces after the first round: the levels it returns for that round's board);
 * the budget's limits are counted in work (rounds, moves), so only its
 * deadline (the time limit) can make the result depend on the clock.
 */
export function search(
  prep: Prepared,
  selector: Selector,
  first: Board,
  target: ObjectiveLevels,
  budget: Budget,
  exact?: (board: Board) => boolean,
  retarget?: (board: Board) => ObjectiveLevels,
): { board: Board; timedOut: boolean } {
  let selection = selector.selection;
  let best = first;
  // The stage as data for the progress report: a code, and the round of the local search.
  let stage: { readonly stage: SearchStage; readonly round?: number } = { stage: "local-search" };
  let lastTick = budget.now();
  const watchOf = (board: () => Board): Watch => ({
    target,
    tick: () => {
      const at = budget.now();
      if (at - lastTick < TICK_MS) return;
      lastTick = at;
      const levels = board().levels();
      budget.report("improve", { step: "searching-toward", ...stage, levels, target });
    },
  });
  const begin = (board: Board, code: SearchStage, round = 0): void => {
    stage = { stage: code, ...(round > 0 && { round }) };
    lastTick = budget.now();
    const levels = board.levels();
    budget.report("improve", { step: "searching", ...stage, levels });
  };
  for (let round = 1; round <= 8; round++) {
    const board = round === 1 ? first : timetable(prep, selection.pairs);
    begin(board, "local-search", round);
    improve(prep, board, budget, prep.eligible, THOROUGH, watchOf(() => board));
    // A caller that defers its last relaxation gives the target its final value here.
    if (round === 1 && retarget !== undefined) target = retarget(board);
    const progress = round === 1 || lexBetter(board.levels(), best.levels());
    if (progress) best = board;
    if (!progress || reaches(best.levels(), target) || budget.expired()) break;
    // Re-selection is for levels 1–3 (it drops the pairs that found no slot, so the flow serves firms
    // another way): once they are at the bound only the score is short, and the exchanges and exact
    // re-optimisations below raise it for far less than another round from a new timetable.
    if (reachesAboveScore(best.levels(), target)) break;
    const unplaced = selection.pairs.filter((pair) => board.slotOf[pair] === -1);
    if (unplaced.length === 0) break;
    selection = selector.exclude(unplaced);
  }
  const watch = watchOf(() => best);
  // Exchanges start from the best selection: the pairs rounds excluded may fit in a piece at a time.
  selector.include(selector.excludedPairs());
  // Levels 1–2 short of the bound: rebuild around the meetings that reach the slot relaxation's
  // (an agenda as they are when K = 1 without musts), then add the selection where it fits.
  if (!budget.expired() && (best.levels().musts < target.musts || best.levels().served < target.served)) {
    budget.report("improve", { step: "solving-core" });
    const core = slotCore(prep);
    if (core !== null) {
      const board = timetable(prep, selector.selection.pairs, boardOf(prep, core));
      begin(board, "rebuild");
      improve(prep, board, budget, prep.eligible, THOROUGH, watchOf(() => board));
      if (lexBetter(board.levels(), best.levels())) best = board;
    }
  }
  // Alternate exchanges towards the selection (first: the cheapest, and on narrow-window XL days they
  // found most), exact re-optimisation (of a slot, a delegation, a firm) and local search while any improves.
  for (let progress = true; progress && !reaches(best.levels(), target) && !budget.expired(); ) {
    begin(best, "reoptimise");
    progress = exchange(prep, best, selector, budget, watch);
    if (!reaches(best.levels(), target) && reoptimiseSlots(prep, best, budget, watch)) progress = true;
    if (!reaches(best.levels(), target) && reoptimiseParticipants(prep, best, budget, watch)) progress = true;
    if (progress && !reaches(best.levels(), target)) improve(prep, best, budget, prep.eligible, THOROUGH, watch);
  }
  // Large neighbourhoods, then the exact polish. The run with a solver follows the search alone
  // (`--no-exact`) step for step up to here (every step is limited by work, not time), so at every
  // moment its agenda is the search alone's at that moment, and from when the search alone finds its
  // last improvement on, at least the search alone's finished agenda; the polish after it only ever
  // replaces the agenda with a better one (anytime by construction, not by the polish's speed).
  if (!reaches(best.levels(), target) && !budget.expired()) {
    begin(best, "lns");
    largeNeighbourhoodSearch(prep, best, target, budget, watch);
    reoptimiseSlots(prep, best, budget, watch);
  }
  // An exact solver, when one is given for a model this size, polishes that agenda level by level.
  if (exact !== undefined && !reaches(best.levels(), target) && !budget.expired()) exact(best);
  return { board: best, timedOut: budget.expired() };
}
