/** Plans one stop: the pipeline from an instance to a verified schedule, each stage in its own file. */
import { Budget } from "./budget.js";
import { boundsFor, relaxedLevels, slotMoot, slotRelaxation, tightest } from "./bounds.js";
import type { Board } from "./board.js";
import { anneal } from "./anneal.js";
import { compact } from "./compact.js";
import { InternalError } from "./errors.js";
import { fewestFirmGaps } from "./exact/gaps.js";
import { ExactPolish, polishable, withProven } from "./exact/polish.js";
import { reaches } from "./levels.js";
import { prepare, type Prepared } from "./prepare.js";
import { scheduleOf } from "./schedule.js";
import { goal, search } from "./search/search.js";
import { levelsOf, select, Selector } from "./select.js";
import { seat, tableAssignment, timetable } from "./timetable.js";
import type { ObjectiveLevels, Schedule, ScheduleOptions, StopInstance } from "./types.js";
import { assertValidInstance } from "./validate.js";
import { verifyPrepared } from "./verify.js";

/**
 * Plans one stop: score pairs → select meetings (min-cost flow) → timetable
 * (edge colouring, or ejection chains under windows) → improve → seat at
 * tables → verify. Optimal when nobody has a window; otherwise feasible with a
 * proven bound and gap. Deterministic: ties break by ids.
 */
export function planStop(instance: StopInstance, options: ScheduleOptions = {}): Schedule {
  assertValidInstance(instance);
  const budget = new Budget(options);

  budget.report("score", { step: "scoring" });
  const prep = prepare(instance, options);
  budget.report("select", { step: "selecting", pairs: prep.eligible.length });
  const selector = new Selector(prep, "lexicographic");
  const relaxed = selector.selection;
  budget.report("timetable", { step: "placing", meetings: relaxed.pairs.length, slots: prep.slots.length });
  const first = timetable(prep, relaxed.pairs);
  // The slot relaxation is only worth building when the first timetable falls short of the flow's bound.
  const short = !reaches(levelsOf(prep, first.placed()), relaxed.levels);
  if (short && prep.windowed) {
    budget.report("bound", { step: "bounding", candidates: prep.candidates });
  }
  // The slot relaxation (levels 1–2 here) is built after the search's first round, and only when that
  // round's agenda is short of the flow's there: else it could tighten nothing (`slotMoot`), and on a
  // broad-window L day it costs about as much as the round.
  let optima = short ? relaxedLevels(prep, "lexicographic", relaxed, false) : [relaxed.levels];
  const target = (): ObjectiveLevels => goal(tightest(optima), budget.tolerance(prep));
  const retarget = (board: Board): ObjectiveLevels => {
    const slot = prep.windowed && !slotMoot(board.levels(), relaxed.levels) ? slotRelaxation(prep, "lexicographic") : null;
    if (slot !== null) optima = [...optima, slot];
    return target();
  };
  // On a model small enough, an injected exact solver polishes the search's agenda level by level.
  const exact = short && polishable(prep, budget.exact) ? new ExactPolish(prep, (l) => boundsFor(prep, optima, l), budget.exact, budget) : null;
  const { board, timedOut } = short
    ? search(prep, selector, first, target(), budget, exact?.hook(), retarget)
    : { board: first, timedOut: false };

  const levels = levelsOf(prep, board.placed());
  if (short) budget.report("bound", { step: "bounding-reached", levels });
  const bounds = withProven(boundsFor(prep, optima, levels), exact?.proven ?? {});
  // After the levels: the same meetings in other slots, so days have fewer idle gaps.
  budget.report("compact", { step: "compacting", meetings: board.placed().length });
  compact(prep, board);
  // Then annealing past the descent's local minimum (chains of moves between two slots), within its move budget.
  const annealCut = anneal(prep, board, budget);
  // Then, on a model small enough, the fewest firm gaps these meetings allow, by the exact solver.
  if (budget.exact !== undefined) fewestFirmGaps(prep, board, budget.exact, budget);
  const meetings = seat(prep, board, tableAssignment(prep));
  budget.report("verify", { step: "checking", meetings: meetings.length });
  const violations = verifyPrepared(prep, meetings);
  const [broken] = violations;
  if (broken !== undefined) throw new InternalError(`the scheduler broke a rule (${broken.code} ${JSON.stringify(broken.params)}); please report this`);
  const schedule = scheduleOf(prep, board, meetings, levels, bounds, { timedOut: timedOut || annealCut || (exact?.timedOut ?? false), elapsedMs: budget.elapsedMs() });
  const unbalanced = unbalancedScore(prep);
  budget.report("done", { step: "done", status: schedule.status, levels: schedule.stats.levels, bounds: schedule.stats.bounds, gap: schedule.stats.gapPercent });
  return unbalanced === null ? schedule : { ...schedule, stats: { ...schedule.stats, unbalancedScore: unbalanced } };
}

/** Above this many eligible pairs the unbalanced selection (for `unbalancedScore`) is skipped. */
const UNBALANCED_MAX_PAIRS = 50_000;

/** The score of the best selection without the balance level, or null when balance is off or the stop too big. */
function unbalancedScore(prep: Prepared): number | null {
  if (prep.balanceTop === 0 || prep.eligible.length > UNBALANCED_MAX_PAIRS) return null;
  return select({ ...prep, balanceTop: 0 }, "lexicographic").levels.score;
}

