import type { Board } from "./board.js";
import { boardGaps, compact } from "./compact.js";
import { exchange } from "./exchange.js";
import { polish, polishable, withProven } from "./exact/polish.js";
import { improve, THOROUGH } from "./improve.js";
import { lexBetter, reaches } from "./levels.js";
import { largeNeighbourhoodSearch } from "./lns.js";
import { reoptimiseParticipants } from "./reassign.js";
import { reoptimiseSlots } from "./reslot.js";
import { prepare, type Prepared } from "./prepare.js";
import { slotCore, slotRelaxation } from "./relax.js";
import { levelsOf, select, Selector, type Selection, type SelectMode } from "./select.js";
import { boardOf, seat, tableAssignment, timetable } from "./timetable.js";
import type { Meeting, ObjectiveLevels, Progress, Schedule, ScheduleOptions, StopInstance } from "./types.js";
import { unmatched } from "./unmatched.js";
import { InternalError } from "./errors.js";
import { assertValidInstance } from "./validate.js";
import { verifyPrepared } from "./verify.js";
import type { Watch } from "./watch.js";

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

/** A run's clock: the injected `now`, when the run started, its deadline and a progress reporter stamping the time elapsed. */
export function startClock(options: ScheduleOptions): {
  readonly now: () => number;
  readonly started: number;
  readonly deadline: number;
  readonly report: (phase: Progress["phase"], message: string) => void;
} {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const report = (phase: Progress["phase"], message: string): void => options.onProgress?.({ phase, message, elapsedMs: now() - started });
  return { now, started, deadline, report };
}

/**
 * Plans one stop: score pairs → select meetings (min-cost flow) → timetable
 * (edge colouring, or ejection chains under windows) → improve → seat at
 * tables → verify. Optimal when nobody has a window; otherwise feasible with a
 * proven bound and gap. Deterministic: ties break by ids.
 */
export function planStop(instance: StopInstance, options: ScheduleOptions = {}): Schedule {
  assertValidInstance(instance);
  const { now, started, deadline, report } = startClock(options);

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
  const target = goal(tightest(optima), tolerance(prep, options));
  const { board, timedOut } = short ? search(prep, selector, first, target, deadline, now, report) : { board: first, timedOut: false };

  // A level still short of its bound on a model small enough: the exact solver, from the search's agenda.
  const polished = short && polishable(prep, options.exact) && !reaches(board.levels(), target)
    ? polish(prep, board, boundsFor(prep, optima, board.levels()), options.exact, { deadline, now, tolerance: tolerance(prep, options), report: (m) => report("exact", m) })
    : null;
  const levels = levelsOf(prep, board.placed());
  const bounds = withProven(boundsFor(prep, optima, levels), polished?.proven ?? {});
  // After the levels: the same meetings in other slots, so days have fewer idle gaps.
  report("compact", `compacting days: ${board.placed().length} meetings`);
  compact(prep, board);
  const meetings = seat(prep, board, tableAssignment(prep));
  report("verify", `checking ${meetings.length} meetings against every rule`);
  const violations = verifyPrepared(prep, meetings);
  if (violations.length > 0) {
    throw new InternalError(`the scheduler broke a rule (${violations[0]!.message}); please report this`);
  }
  const schedule = scheduleOf(prep, board, meetings, levels, bounds, { timedOut: timedOut || (polished?.timedOut ?? false), elapsedMs: now() - started });
  const unbalanced = unbalancedScore(prep);
  report("done", provenText(schedule));
  return unbalanced === null ? schedule : { ...schedule, stats: { ...schedule.stats, unbalancedScore: unbalanced } };
}

/** Above this many eligible pairs the unbalanced selection (for `unbalancedScore`) is skipped. */
const UNBALANCED_MAX_PAIRS = 25_000;

/** The score of the best selection without the balance level, or null when balance is off or the stop too big. */
function unbalancedScore(prep: Prepared): number | null {
  if (prep.balanceTop === 0 || prep.eligible.length > UNBALANCED_MAX_PAIRS) return null;
  return select({ ...prep, balanceTop: 0 }, "lexicographic").levels.score;
}

/** What a schedule proved, in words, for the last progress line. */
function provenText(schedule: Schedule): string {
  const { levels, bounds, gapPercent } = schedule.stats;
  if (schedule.status === "optimal") return `optimal, every level at its bound (${levelsText(levels)})`;
  const at = (["musts", "served", "balance"] as const).filter((k) => levels[k] >= bounds[k]);
  const proven = at.length === 3 ? "musts, served and balance at their bounds" : at.length > 0 ? `${at.join(", ")} at their bounds` : "no level proven";
  return `${proven}; score ${levels.score.toFixed(1)}, ${gapPercent.toFixed(3)} % below its bound ${bounds.score.toFixed(1)}${schedule.status === "timedout" ? " (time limit reached)" : ""}`;
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
      gaps: boardGaps(prep, board),
    },
  };
}

/** Rounds of large-neighbourhood search at most, and without progress: a work budget, so the result never depends on the clock. */
const LNS_ROUNDS = 600;
const LNS_PATIENCE = 200;
/** Eligible pairs × rounds at most: 600 rounds up to 500 pairs, 60 for 5,000. */
const LNS_WORK = 300_000;

/** Progress is reported at most this often (ms) from inside the search. */
const TICK_MS = 1000;

/** Levels as a short text for progress lines: integers as they are, the score rounded. */
export function levelsText(levels: ObjectiveLevels): string {
  const score = Number.isFinite(levels.score) ? levels.score.toFixed(1) : "—";
  return `musts ${levels.musts}, served ${levels.served}, balance ${levels.balance}, score ${score}`;
}

/**
 * Under windows, when the first timetable falls short: improve it, and while
 * below the bound re-select without the pairs that did not fit; then
 * re-optimise slots, exchange towards the selection and search larger
 * neighbourhoods. Every step stops as soon as the board reaches `target`;
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

/**
 * The relaxations' optima for one mode: the flow selection always, and under
 * windows the slot relaxation for levels 1–3 (its score is +Infinity, no bound).
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

const LEVELS = ["musts", "served", "balance", "score"] as const;
const ALONE: Record<(typeof LEVELS)[number], SelectMode> = { musts: "lexicographic", served: "served", balance: "balance", score: "score" };

/**
 * Upper bounds on the optimum's levels. Each relaxation's lexicographic optimum
 * bounds level 1; it bounds a lower level only when its levels above equal
 * ours and ours are proven optimal; otherwise that level is bounded alone by
 * the relaxations of that level only.
 */
export function boundsFor(prep: Prepared, optima: readonly ObjectiveLevels[], levels: ObjectiveLevels): ObjectiveLevels {
  const bounds = { musts: 0, served: 0, balance: 0, score: 0 };
  let candidates = optima;
  let proven = true;
  for (const level of LEVELS) {
    const own = candidates.map((o) => o[level]).filter((v) => Number.isFinite(v));
    const bound: number = proven && own.length > 0 ? Math.min(...own) : Math.min(...relaxedLevels(prep, ALONE[level]).map((o) => o[level]));
    // The slot relaxation's balance costs more than the rest: built only when the cheaper bounds leave a gap.
    const tighter = level === "balance" && proven && prep.windowed && levels.balance < bound ? slotRelaxation(prep, "lexicographic", true) : null;
    if (tighter !== null && tighter.musts === levels.musts && tighter.served === levels.served) {
      bounds[level] = Math.min(bound, tighter.balance);
      candidates = [...candidates, tighter];
    } else {
      bounds[level] = bound;
    }
    proven &&= levels[level] >= bounds[level] - 1e-6;
    candidates = candidates.filter((o) => Math.abs(o[level] - levels[level]) <= 1e-6);
  }
  return bounds;
}
