import type { Board } from "./board.js";
import { exchange } from "./exchange.js";
import { improve } from "./improve.js";
import { lexBetter, reaches } from "./levels.js";
import { largeNeighbourhoodSearch } from "./lns.js";
import { reoptimiseParticipants } from "./reassign.js";
import { reoptimiseSlots } from "./reslot.js";
import { prepare, type Prepared } from "./prepare.js";
import { slotCore, slotRelaxation } from "./relax.js";
import { levelsOf, select, Selector, type Selection, type SelectMode } from "./select.js";
import { boardOf, seat, tableAssignment, timetable } from "./timetable.js";
import type { Meeting, ObjectiveLevels, Schedule, ScheduleOptions, StopInstance } from "./types.js";
import { unmatched } from "./unmatched.js";
import { InternalError } from "./errors.js";
import { assertValidInstance } from "./validate.js";
import { verifyPrepared } from "./verify.js";

/** Default `gapTolerance`: improvement stops within 0.01 % of the bound... */
export const DEFAULT_GAP_TOLERANCE = 1e-4;
/** ...or within 0.1 % on days with more than `LARGE_DAY` (pair, common slot) candidates. */
export const LARGE_DAY_GAP_TOLERANCE = 1e-3;
export const LARGE_DAY = 250_000;

/** The gap the search may stop at: `gapTolerance` if set, else by the size of the day (deterministic). */
export function tolerance(prep: Prepared, options: ScheduleOptions): number {
  if (options.gapTolerance !== undefined) return options.gapTolerance;
  return prep.candidates > LARGE_DAY ? LARGE_DAY_GAP_TOLERANCE : DEFAULT_GAP_TOLERANCE;
}

/** The levels a search aims for: the bound, less the tolerated gap on the score (none when the score is unbounded). */
export function goal(bound: ObjectiveLevels, tolerance: number): ObjectiveLevels {
  return Number.isFinite(bound.score) ? { ...bound, score: bound.score - tolerance * Math.abs(bound.score) } : bound;
}

/** Default budget for improving an agenda under windows. */
export const DEFAULT_TIME_LIMIT_MS = 60_000;

/**
 * Plans one stop: score pairs → select meetings (min-cost flow) → timetable
 * (edge colouring, or ejection chains under windows) → improve → seat at
 * tables → verify. Optimal when nobody has a window; otherwise feasible with a
 * proven bound and gap. Deterministic: ties break by ids.
 */
export function planStop(instance: StopInstance, options: ScheduleOptions = {}): Schedule {
  assertValidInstance(instance);
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const report = (phase: "score" | "select" | "timetable" | "improve" | "verify", message: string): void =>
    options.onProgress?.({ phase, message, elapsedMs: now() - started });

  report("score", "scoring pairs");
  const prep = prepare(instance, options);
  report("select", `selecting among ${prep.eligible.length} eligible pairs`);
  const selector = new Selector(prep, "lexicographic");
  const relaxed = selector.selection;
  report("timetable", `placing ${relaxed.pairs.length} meetings in ${prep.slots.length} slots`);
  const first = timetable(prep, relaxed.pairs);
  // The slot relaxation is only worth building when the first timetable falls short of the flow's bound.
  const short = !reaches(levelsOf(prep, first.placed()), relaxed.levels);
  const optima = short ? relaxedLevels(prep, "lexicographic", relaxed) : [relaxed.levels];
  const { board, timedOut } = short
    ? search(prep, selector, first, goal(tightest(optima), tolerance(prep, options)), deadline, now, report)
    : { board: first, timedOut: false };

  const levels = levelsOf(prep, board.placed());
  const bounds = boundsFor(prep, optima, levels);
  const meetings = seat(prep, board, tableAssignment(prep));
  report("verify", `checking ${meetings.length} meetings against every rule`);
  const violations = verifyPrepared(prep, meetings);
  if (violations.length > 0) {
    throw new InternalError(`the scheduler broke a rule (${violations[0]!.message}); please report this`);
  }
  return scheduleOf(prep, board, meetings, levels, bounds, { timedOut, elapsedMs: now() - started });
}

/** Assembles a schedule from a board, its meetings and its objective values. */
export function scheduleOf(
  prep: Prepared,
  board: Board,
  meetings: readonly Meeting[],
  levels: ObjectiveLevels,
  bounds: ObjectiveLevels,
  run: { readonly timedOut: boolean; readonly elapsedMs: number },
): Schedule {
  const optimal = reaches(levels, bounds);
  return {
    status: optimal ? "optimal" : run.timedOut ? "timedout" : "feasible",
    stop: prep.instance.stop,
    slots: prep.slots,
    tables: tableAssignment(prep),
    meetings,
    unmatched: unmatched(prep, board),
    stats: {
      levels,
      bounds,
      optimal,
      gapPercent: bounds.score > 0 ? Math.max(0, (100 * (bounds.score - levels.score)) / bounds.score) : 0,
      elapsedMs: run.elapsedMs,
      requestedMusts: prep.musts.length,
      registeredFirms: prep.firms.length,
      servedFirms: prep.firms.filter((_, f) => board.firmMeetings[f]! > 0).length,
    },
  };
}

/**
 * Under windows, when the first timetable falls short: improve it, and while
 * below the bound re-select without the pairs that did not fit; then
 * re-optimise slots, exchange towards the selection and search larger
 * neighbourhoods.
 */
export function search(
  prep: Prepared,
  selector: Selector,
  first: Board,
  target: ObjectiveLevels,
  deadline: number,
  now: () => number,
  report: (phase: "improve", message: string) => void,
): { board: Board; timedOut: boolean } {
  const startedAt = now();
  let selection = selector.selection;
  let best: Board | null = null;
  let bestLevels: ObjectiveLevels | null = null;
  for (let round = 1; round <= 8; round++) {
    const board = round === 1 ? first : timetable(prep, selection.pairs);
    // A board that reaches the relaxation's value is optimal: nothing to improve.
    if (!reaches(levelsOf(prep, board.placed()), target)) improve(prep, board, deadline, now);
    const levels = levelsOf(prep, board.placed());
    const progress = bestLevels === null || lexBetter(levels, bestLevels);
    if (progress) {
      best = board;
      bestLevels = levels;
    }
    report("improve", `round ${round}: ${board.placed().length} meetings, score ${levels.score} (aiming at ${target.score})`);
    if (!progress || reaches(bestLevels!, target) || now() >= deadline) break;
    const unplaced = selection.pairs.filter((pair) => board.slotOf[pair] === -1);
    if (unplaced.length === 0) break;
    selection = selector.exclude(unplaced);
  }
  // Exchanges start from the best selection: the pairs rounds excluded may fit in a piece at a time.
  selector.include(selector.excludedPairs());
  // Levels 1–2 short of the bound: rebuild around the meetings that reach the slot relaxation's
  // (an agenda as they are when K = 1 without musts), then add the selection where it fits.
  if (now() < deadline && (best!.levels().musts < target.musts || best!.levels().served < target.served)) {
    const core = slotCore(prep);
    if (core !== null) {
      const board = timetable(prep, selector.selection.pairs, boardOf(prep, core));
      improve(prep, board, deadline, now);
      if (lexBetter(board.levels(), best!.levels())) best = board;
    }
  }
  // Alternate exact re-optimisation (of a slot, a delegation, a firm), local search and exchanges
  // towards the selection while any improves.
  for (let progress = true; progress && !reaches(best!.levels(), target) && now() < deadline; ) {
    progress = reoptimiseSlots(prep, best!, deadline, now);
    if (!reaches(best!.levels(), target) && reoptimiseParticipants(prep, best!, deadline, now)) progress = true;
    if (progress) improve(prep, best!, deadline, now);
    if (!reaches(best!.levels(), target) && exchange(prep, best!, selector, deadline, now)) progress = true;
  }
  if (!reaches(best!.levels(), target)) {
    // Neighbourhood search gets half as long as everything before it (0.1 s at least): after the
    // exchanges it rarely helps (2 of 36 windowed M and L instances measured, by under 0.1 %).
    const spent = now() - startedAt;
    largeNeighbourhoodSearch(prep, best!, target, Math.min(deadline, now() + Math.max(100, 0.5 * spent)), now);
    reoptimiseSlots(prep, best!, deadline, now);
  }
  return { board: best!, timedOut: now() >= deadline };
}

/**
 * The relaxations' optima for one mode: the flow selection always, and under
 * windows the slot relaxation for levels 1–2 (its score is +Infinity, no bound).
 */
export function relaxedLevels(prep: Prepared, mode: SelectMode, lexicographic?: Selection): ObjectiveLevels[] {
  const flow = mode === "lexicographic" && lexicographic ? lexicographic.levels : select(prep, mode).levels;
  const slot = prep.windowed && mode !== "score" ? slotRelaxation(prep, mode) : null;
  return slot === null ? [flow] : [flow, slot];
}

/** The lexicographically smallest of the relaxations' optima: an agenda reaching it is optimal. */
export function tightest(optima: readonly ObjectiveLevels[]): ObjectiveLevels {
  return optima.reduce((a, b) => (lexBetter(a, b) ? b : a));
}

/**
 * Upper bounds on the optimum's levels. Each relaxation's lexicographic optimum
 * bounds level 1; it bounds level 2 (3) only when its levels above equal ours
 * and ours are proven optimal; otherwise that level is bounded alone by the
 * relaxations of that level only.
 */
export function boundsFor(prep: Prepared, optima: readonly ObjectiveLevels[], levels: ObjectiveLevels): ObjectiveLevels {
  const min = (values: readonly number[]): number => Math.min(...values);
  const musts = min(optima.map((o) => o.musts));
  const sameMusts = optima.filter((o) => o.musts === levels.musts);
  const served = levels.musts >= musts ? min(sameMusts.map((o) => o.served)) : min(relaxedLevels(prep, "served").map((o) => o.served));
  const sameServed = sameMusts.filter((o) => o.served === levels.served);
  const score =
    levels.musts >= musts && levels.served >= served && sameServed.length > 0 ? min(sameServed.map((o) => o.score)) : Infinity;
  return { musts, served, score: Number.isFinite(score) ? score : min(relaxedLevels(prep, "score").map((o) => o.score)) };
}
