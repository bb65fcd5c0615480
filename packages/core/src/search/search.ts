/** The windowed search: from the first timetable towards the bound, by local search, re-selection, exact re-optimisation, exchanges and large neighbourhoods. */
import { slotCore } from "../bounds.js";
import { lexBetter, levelsText, reaches } from "../levels.js";
import type { Prepared } from "../prepare.js";
import type { Selector } from "../select.js";
import { boardOf, timetable } from "../timetable.js";
import type { ObjectiveLevels } from "../types.js";
import type { Board } from "./board.js";
import { exchange } from "./exchange.js";
import { improve, THOROUGH } from "./improve.js";
import { largeNeighbourhoodSearch } from "./lns.js";
import { reoptimiseParticipants } from "./reassign.js";
import { reoptimiseSlots } from "./reslot.js";
import type { Watch } from "./watch.js";

/** The levels a search aims for: the bound, less the tolerated gap on the score (none when the score is unbounded). */
export function goal(bound: ObjectiveLevels, tolerance: number): ObjectiveLevels {
  return Number.isFinite(bound.score) ? { ...bound, score: bound.score - tolerance * Math.abs(bound.score) } : bound;
}

/** Rounds of large-neighbourhood search at most, and without progress: a work budget, so the result never depends on the clock. */
const LNS_ROUNDS = 600;
const LNS_PATIENCE = 200;
/** Eligible pairs × rounds at most: 600 rounds up to 500 pairs, 60 for 5,000. */
const LNS_WORK = 300_000;

/** Progress is reported at most this often (ms) from inside the search. */
const TICK_MS = 1000;

/**
 * Under windows, when the first timetable falls short: improve it, and while
 * below the bound re-select without the pairs that did not fit; then
 * re-optimise slots, exchange towards the selection and search larger
 * neighbourhoods (or, given `exact`, let it polish the board first). Every step stops as soon as the board reaches `target`;
 * budgets are counted in work (rounds, moves), so only the deadline (the
 * time limit) can make the result depend on the clock.
 */
export function search(
  prep: Prepared,
  selector: Selector,
  first: Board,
  target: ObjectiveLevels,
  deadline: number,
  now: () => number,
  report: (phase: "improve", message: string) => void,
  exact?: (board: Board) => boolean,
): { board: Board; timedOut: boolean } {
  let selection = selector.selection;
  let best: Board | null = null;
  let phase = "";
  let lastTick = now();
  const watchOf = (board: () => Board | null): Watch => ({
    target,
    tick: () => {
      const at = now();
      if (at - lastTick < TICK_MS) return;
      lastTick = at;
      const current = board();
      if (current !== null) report("improve", `${phase}: ${levelsText(current.levels())} (aiming at ${levelsText(target)})`);
    },
  });
  const begin = (name: string, board: Board): void => {
    phase = name;
    lastTick = now();
    report("improve", `${name}: ${levelsText(board.levels())}`);
  };
  for (let round = 1; round <= 8; round++) {
    const board = round === 1 ? first : timetable(prep, selection.pairs);
    begin(`local search, round ${round}`, board);
    improve(prep, board, deadline, now, prep.eligible, THOROUGH, watchOf(() => board));
    const progress = best === null || lexBetter(board.levels(), best.levels());
    if (progress) best = board;
    if (!progress || reaches(best!.levels(), target) || now() >= deadline) break;
    const unplaced = selection.pairs.filter((pair) => board.slotOf[pair] === -1);
    if (unplaced.length === 0) break;
    selection = selector.exclude(unplaced);
  }
  const watch = watchOf(() => best);
  // Exchanges start from the best selection: the pairs rounds excluded may fit in a piece at a time.
  selector.include(selector.excludedPairs());
  // Levels 1–2 short of the bound: rebuild around the meetings that reach the slot relaxation's
  // (an agenda as they are when K = 1 without musts), then add the selection where it fits.
  if (now() < deadline && (best!.levels().musts < target.musts || best!.levels().served < target.served)) {
    const core = slotCore(prep);
    if (core !== null) {
      const board = timetable(prep, selector.selection.pairs, boardOf(prep, core));
      begin("rebuilding around the slot relaxation", board);
      improve(prep, board, deadline, now, prep.eligible, THOROUGH, watchOf(() => board));
      if (lexBetter(board.levels(), best!.levels())) best = board;
    }
  }
  // An exact solver, when one is given for a model this size, instead of the costlier steps below (it
  // answers true when it proved its levels or used up the time); they still run if it fell short.
  if (exact !== undefined && !reaches(best!.levels(), target) && now() < deadline && exact(best!)) return { board: best!, timedOut: now() >= deadline };
  // Alternate exact re-optimisation (of a slot, a delegation, a firm), local search and exchanges
  // towards the selection while any improves.
  for (let progress = true; progress && !reaches(best!.levels(), target) && now() < deadline; ) {
    begin("re-optimising slots and days, exchanging", best!);
    progress = reoptimiseSlots(prep, best!, deadline, now, watch);
    if (!reaches(best!.levels(), target) && reoptimiseParticipants(prep, best!, deadline, now, watch)) progress = true;
    if (progress) improve(prep, best!, deadline, now, prep.eligible, THOROUGH, watch);
    if (!reaches(best!.levels(), target) && exchange(prep, best!, selector, deadline, now, watch)) progress = true;
  }
  if (!reaches(best!.levels(), target) && now() < deadline) {
    begin("large-neighbourhood search", best!);
    // Rounds cost about as much as the eligible pairs: the budget shrinks on big days, where it rarely pays.
    const rounds = Math.min(LNS_ROUNDS, Math.ceil(LNS_WORK / Math.max(1, prep.eligible.length)));
    largeNeighbourhoodSearch(prep, best!, target, deadline, now, LNS_PATIENCE, rounds, watch);
    reoptimiseSlots(prep, best!, deadline, now, watch);
  }
  return { board: best!, timedOut: now() >= deadline };
}
