/** An agenda made elsewhere (edited by hand) as a `Schedule`: its levels, bounds, unmatched firms and tables, without planning. */
import { Budget } from "./budget.js";
import { Board } from "./board.js";
import { boundsFor } from "./bounds.js";
import { scheduleOf } from "./schedule.js";
import { prepare, type Prepared } from "./prepare.js";
import { levelsOf, select } from "./select.js";
import type { Meeting, Schedule, ScheduleOptions, StopInstance, Violation } from "./types.js";
import { verifyPrepared, type AgendaMeeting } from "./verify.js";
import { assertValidInstance } from "./validate.js";

/**
 * The schedule of an agenda made elsewhere (an edited `agenda.csv`): its
 * objective levels, bounds, unmatched firms and tables as written. Meetings of
 * unknown firms, delegations or slots are left out; check the agenda with
 * `verifyAgenda` first, or take both from `reviewAgenda`.
 */
export function evaluateAgenda(instance: StopInstance, agenda: readonly AgendaMeeting[], options: ScheduleOptions = {}): Schedule {
  return reviewAgenda(instance, agenda, options).schedule;
}

/** `evaluateAgenda` and `verifyAgenda` together, indexing the instance once. */
export function reviewAgenda(
  instance: StopInstance,
  agenda: readonly AgendaMeeting[],
  options: ScheduleOptions = {},
): { readonly schedule: Schedule; readonly violations: Violation[] } {
  assertValidInstance(instance);
  const clock = new Budget(options);
  const prep = prepare(instance, options);
  const violations = verifyPrepared(prep, agenda);
  const { board, pairOf } = agendaBoard(prep, agenda);
  const meetings: Meeting[] = [];
  agenda.forEach((m, k) => {
    const affinity = prep.pairs[pairOf[k] ?? -1]?.affinity;
    if (affinity !== undefined) meetings.push({ ...m, score: affinity.score, parts: affinity.parts });
  });
  meetings.sort((a, b) => a.slot - b.slot || a.table - b.table);
  const levels = levelsOf(prep, board.placed());
  const bounds = boundsFor(prep, [select(prep, "lexicographic").levels], levels);
  const schedule = scheduleOf(prep, board, meetings, levels, bounds, { timedOut: false, elapsedMs: clock.elapsedMs() });
  return { schedule, violations };
}

/**
 * An agenda's meetings on a slot board, for counting: `pairOf[k]` is the pair
 * of `agenda[k]`, or -1 when its firm, delegation or slot is unknown here or
 * its pair is already on the board (a repeat). Capacities are not checked.
 */
export function agendaBoard(prep: Prepared, agenda: readonly AgendaMeeting[]): { board: Board; pairOf: number[] } {
  const firmIndex = new Map(prep.firms.map((f, i) => [f.id, i]));
  const delegationIndex = new Map(prep.delegations.map((d, i) => [d.id, i]));
  const board = new Board(prep);
  const pairOf = agenda.map((m) => {
    const f = firmIndex.get(m.firmId);
    const d = delegationIndex.get(m.delegationId);
    if (f === undefined || d === undefined || !(m.slot >= 1 && m.slot <= prep.slots.length)) return -1;
    const pair = f * prep.delegations.length + d;
    if (board.slotOf[pair] !== -1) return -1;
    board.place(pair, m.slot - 1);
    return pair;
  });
  return { board, pairOf };
}
