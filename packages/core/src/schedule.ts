/** The `Schedule` a run returns, assembled from its board, its seated meetings and its objective values. */
import type { Prepared } from "./prepare.js";
import { reaches } from "./levels.js";
import { boardGaps } from "./compact.js";
import type { Board } from "./board.js";
import { tableAssignment } from "./timetable.js";
import type { Meeting, ObjectiveLevels, Schedule } from "./types.js";
import { unmatched } from "./unmatched.js";
import { i32 } from "./at.js";

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
      servedFirms: prep.firms.filter((_, f) => i32(board.firmMeetings, f) > 0).length,
      gaps: boardGaps(prep, board),
    },
  };
}
