import type { Board } from "./board.js";
import { improve } from "./improve.js";
import { largeNeighbourhoodSearch } from "./lns.js";
import { prepare, type Prepared } from "./prepare.js";
import { levelsOf, select, type Selection } from "./select.js";
import { seat, tableAssignment, timetable } from "./timetable.js";
import type { Meeting, ObjectiveLevels, Schedule, ScheduleOptions, StopInstance } from "./types.js";
import { unmatched } from "./unmatched.js";
import { verifyPrepared } from "./verify.js";

/** Default budget for improving an agenda under windows. */
export const DEFAULT_TIME_LIMIT_MS = 60_000;

const EPS = 1e-6;

const lexBetter = (a: ObjectiveLevels, b: ObjectiveLevels): boolean =>
  a.musts !== b.musts ? a.musts > b.musts : a.served !== b.served ? a.served > b.served : a.score > b.score + EPS;

const reaches = (a: ObjectiveLevels, b: ObjectiveLevels): boolean =>
  a.musts >= b.musts && a.served >= b.served && a.score >= b.score - EPS;

/**
 * Plans one stop: score pairs → select meetings (min-cost flow) → timetable
 * (edge colouring, or ejection chains under windows) → improve → seat at
 * tables → verify. Optimal when nobody has a window; otherwise feasible with a
 * proven bound and gap. Deterministic: ties break by ids.
 */
export function planStop(instance: StopInstance, options: ScheduleOptions = {}): Schedule {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const report = (phase: "score" | "select" | "timetable" | "improve" | "verify", message: string): void =>
    options.onProgress?.({ phase, message, elapsedMs: now() - started });

  report("score", "scoring pairs");
  const prep = prepare(instance, options);
  report("select", `selecting among ${prep.eligible.length} eligible pairs`);
  const relaxed = select(prep, "lexicographic");
  report("timetable", `placing ${relaxed.pairs.length} meetings in ${prep.slots.length} slots`);
  const { board, timedOut } = prep.windowed ? search(prep, relaxed, deadline, now, report) : { board: timetable(prep, relaxed.pairs), timedOut: false };

  const levels = levelsOf(prep, board.placed());
  const bounds = boundsFor(prep, relaxed, levels);
  const meetings = seat(prep, board, tableAssignment(prep));
  report("verify", `checking ${meetings.length} meetings against every rule`);
  const violations = verifyPrepared(prep, meetings);
  if (violations.length > 0) {
    throw new Error(`internal: the scheduler broke a rule (${violations[0]!.message}); please report this`);
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
 * Under windows: timetable the relaxation's selection, improve it, and while
 * below the bound re-select without the pairs that did not fit.
 */
function search(
  prep: Prepared,
  relaxed: Selection,
  deadline: number,
  now: () => number,
  report: (phase: "improve", message: string) => void,
): { board: Board; timedOut: boolean } {
  let selection = relaxed;
  let best: Board | null = null;
  let bestLevels: ObjectiveLevels | null = null;
  const exclude = new Set<number>();
  for (let round = 1; round <= 8; round++) {
    const board = timetable(prep, selection.pairs);
    // A board that reaches the relaxation's value is optimal: nothing to improve.
    if (!reaches(levelsOf(prep, board.placed()), relaxed.levels)) improve(prep, board, deadline, now);
    const levels = levelsOf(prep, board.placed());
    if (bestLevels === null || lexBetter(levels, bestLevels)) {
      best = board;
      bestLevels = levels;
    }
    report("improve", `round ${round}: ${board.placed().length} meetings, score ${levels.score} (bound ${relaxed.levels.score})`);
    if (reaches(bestLevels, relaxed.levels) || now() >= deadline) break;
    const before = exclude.size;
    for (const pair of selection.pairs) if (board.slotOf[pair] === -1) exclude.add(pair);
    if (exclude.size === before) break;
    selection = select(prep, "lexicographic", exclude);
  }
  if (!reaches(bestLevels!, relaxed.levels)) largeNeighbourhoodSearch(prep, best!, relaxed.levels, deadline, now);
  return { board: best!, timedOut: now() >= deadline };
}

/**
 * Upper bounds on the optimum's levels. The relaxation's lexicographic optimum
 * bounds level 1; it bounds level 2 (3) only once the levels above are proven
 * optimal, otherwise that level is bounded alone by its own relaxation.
 */
export function boundsFor(prep: Prepared, relaxed: Selection, levels: ObjectiveLevels): ObjectiveLevels {
  const musts = relaxed.levels.musts;
  const firstTight = levels.musts >= musts;
  const served = firstTight ? relaxed.levels.served : select(prep, "served").levels.served;
  const score = firstTight && levels.served >= served ? relaxed.levels.score : select(prep, "score").levels.score;
  return { musts, served, score };
}
