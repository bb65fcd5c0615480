/**
 * The exact compaction: the agenda's meetings (the same pairs, so every level
 * of the objective unchanged) re-slotted by the injected MILP solver to the
 * fewest firm gaps, B2BSP's objective, from the heuristic compaction's days.
 *
 * Model: a binary x per (meeting, common slot), each meeting in exactly one
 * slot, a firm's representatives and a delegation's tables per slot; per firm
 * with two meetings or more, busy b_t (= Σ x with one representative, else
 * max x ≤ b ≤ Σ x) and block starts s_t ≥ b_t − b_{t−1}; maximise −Σ s (a
 * firm's gaps are its blocks less one). The answer is kept only when every
 * meeting is placed under every rule and it has fewer firm gaps; the
 * heuristic compaction then lowers delegation gaps and idle slots again
 * without adding firm gaps.
 */
import type { Budget } from "../budget.js";
import { boardGaps, compact } from "../compact.js";
import { delegationAt, firmAt, pairAt, type Prepared } from "../prepare.js";
import type { Board } from "../board.js";
import { boardOf } from "../timetable.js";
import type { ExactSolver } from "../types.js";
import { programOf, type Row } from "./program.js";
import { at, i32 } from "../at.js";

/**
 * Above this many columns the exact compaction is skipped: an M day with
 * narrow windows has 700–2,000; with broad windows 3,000–4,800 and an L day
 * with narrow ones 5,000–6,600, where HiGHS's root alone outlasts the budget.
 */
export const GAPS_MAX_COLUMNS = 2_500;

/** Branch-and-bound nodes: the work budget, so the answer does not depend on the clock. */
export const GAPS_NODES = 1_000;

/** LP iterations: the work budget that also bounds the root node (where HiGHS spends most of its time here). */
export const GAPS_LP_ITERATIONS = 3_000;

/** The fewest firm gaps for which the exact compaction runs. */
export const FEWEST_WORTH_SOLVING = 2;

/** What the exact compaction did: the firm gaps before and after, and whether the solver proved the minimum. */
export interface GapsOutcome {
  readonly from: number;
  readonly to: number;
  readonly proven: boolean;
}

/**
 * Re-slots the board's meetings to the fewest firm gaps the solver finds
 * within its budget; in place, and only when better. Null when skipped (fewer
 * than `FEWEST_WORTH_SOLVING` gaps, too big, or no time left).
 */
export function fewestFirmGaps(prep: Prepared, board: Board, solver: ExactSolver, budget: Budget): GapsOutcome | null {
  const from = boardGaps(prep, board).firms;
  // One gap is already within 1.1 × any minimum + 1 (the bound the issue sets): the model is left out
  // there, where HiGHS spent its whole LP budget without an answer (narrow M seed 4: 0.6–0.7 s of CPU,
  // half the run; broad M seed 4, where the oracle proves no minimum within 30 s).
  if (from <= FEWEST_WORTH_SOLVING - 1) return null;
  const meetings = board.placed();
  const n = prep.slots.length;
  const F = prep.firms.length;
  const D = prep.delegations.length;
  // x columns first: meeting k in slot t.
  const xMeeting: number[] = [];
  const xSlot: number[] = [];
  const byFirmSlot: number[][] = Array.from({ length: F * n }, () => []);
  const byDelegationSlot: number[][] = Array.from({ length: D * n }, () => []);
  const rows: Row[] = [];
  const busy = new Uint8Array(F * n);
  meetings.forEach((pair, k) => {
    const { firm, delegation, slots } = pairAt(prep, pair);
    busy[firm * n + i32(board.slotOf, pair)] = 1;
    const cols: number[] = [];
    for (const t of slots) {
      const j = xMeeting.length;
      xMeeting.push(k);
      xSlot.push(t);
      cols.push(j);
      at(byFirmSlot, firm * n + t).push(j);
      at(byDelegationSlot, delegation * n + t).push(j);
    }
    rows.push({ index: cols, value: cols.map(() => 1), lower: 1, upper: 1 });
  });
  const X = xMeeting.length;
  const extra: { cost: number }[] = [];
  const column = (cost: number): number => X + extra.push({ cost }) - 1;
  // Start values of the b and s columns, filled as they are made.
  const startExtra: number[] = [];
  for (let f = 0; f < F; f++) {
    const reps = firmAt(prep, f).representatives;
    if (i32(board.firmMeetings, f) < 2) {
      for (let t = 0; t < n; t++) {
        const cols = at(byFirmSlot, f * n + t);
        if (cols.length > reps) rows.push({ index: cols, value: cols.map(() => 1), lower: -Infinity, upper: reps });
      }
      continue;
    }
    let previous = -1;
    let wasBusy = false;
    const starts: number[] = [];
    for (let t = 0; t < n; t++) {
      const cols = at(byFirmSlot, f * n + t);
      const busyNow = busy[f * n + t] === 1;
      if (cols.length === 0) {
        previous = -1;
        wasBusy = false;
        continue;
      }
      if (cols.length > reps) rows.push({ index: cols, value: cols.map(() => 1), lower: -Infinity, upper: reps });
      const b = column(0);
      startExtra.push(busyNow ? 1 : 0);
      if (reps === 1) {
        rows.push({ index: [b, ...cols], value: [1, ...cols.map(() => -1)], lower: 0, upper: 0 });
      } else {
        rows.push({ index: [b, ...cols], value: [1, ...cols.map(() => -1)], lower: -Infinity, upper: 0 });
        for (const c of cols) rows.push({ index: [b, c], value: [1, -1], lower: 0, upper: Infinity });
      }
      // A block starts here: s ≥ b_t − b_{t−1}.
      const s = column(-1);
      startExtra.push(busyNow && !wasBusy ? 1 : 0);
      rows.push(previous < 0 ? { index: [s, b], value: [1, -1], lower: 0, upper: Infinity } : { index: [s, b, previous], value: [1, -1, 1], lower: 0, upper: Infinity });
      starts.push(s);
      previous = b;
      wasBusy = busyNow;
    }
    // One block at least: the LP alone would spread the firm's day thin and bound nothing.
    rows.push({ index: starts, value: starts.map(() => 1), lower: 1, upper: Infinity });
  }
  for (let d = 0; d < D; d++) {
    const tables = delegationAt(prep, d).tables;
    for (let t = 0; t < n; t++) {
      const cols = at(byDelegationSlot, d * n + t);
      if (cols.length > tables) rows.push({ index: cols, value: cols.map(() => 1), lower: -Infinity, upper: tables });
    }
  }
  const columns = X + extra.length;
  if (columns > GAPS_MAX_COLUMNS) return null;
  const left = budget.deadline - budget.now();
  if (left <= 0) return null;

  const cost = new Float64Array(columns);
  extra.forEach((c, i) => (cost[X + i] = c.cost));
  const upper = new Float64Array(columns).fill(1);
  const integer = new Uint8Array(columns);
  integer.fill(1, 0, X);
  const start = new Float64Array(columns);
  for (let j = 0; j < X; j++) if (board.slotOf[at(meetings, at(xMeeting, j))] === xSlot[j]) start[j] = 1;
  startExtra.forEach((v, i) => (start[X + i] = v));

  budget.report("compact", {
    step: "compacting-exact",
    solver: solver.name,
    value: from,
    columns,
  });
  let outcome;
  try {
    outcome = solver.solve(programOf(cost, upper, integer, rows), start, { nodes: GAPS_NODES, timeLimitMs: left, relativeGap: 0, absoluteGap: 0.999, lpIterations: GAPS_LP_ITERATIONS });
  } catch {
    outcome = null;
  }
  let to = from;
  if (outcome?.values != null) {
    const chosen: { pair: number; slot: number }[] = [];
    for (let j = 0; j < X; j++) if ((outcome.values[j] ?? 0) > 0.5) chosen.push({ pair: at(meetings, at(xMeeting, j)), slot: at(xSlot, j) });
    const candidate = boardOf(prep, chosen);
    // Every meeting placed once, under every rule (boardOf places only what fits), and fewer firm gaps.
    if (chosen.length === meetings.length && candidate.placed().length === meetings.length) {
      const gaps = boardGaps(prep, candidate).firms;
      if (gaps < from) {
        board.restore(candidate.snapshot());
        compact(prep, board);
        to = boardGaps(prep, board).firms;
      }
    }
  }
  // The bound caps −(blocks): the fewest gaps are at least ⌈−bound⌉ less the firms with a block.
  const proven = outcome?.status === "optimal" && outcome.bound !== null && to <= Math.ceil(-outcome.bound - 1e-6) - firmsWithBlocks(prep, board);
  budget.report("compact", {
    step: "compacted-exact",
    solver: solver.name,
    from,
    to,
    status: outcome?.status ?? "failed",
    proven,
    ...(outcome?.nodes !== undefined && { nodes: outcome.nodes }),
    ...(outcome?.message !== undefined && { note: outcome.message }),
  });
  return { from, to, proven };
}

/** Firms with two meetings or more: each has one block at least, which the model's objective counts. */
function firmsWithBlocks(prep: Prepared, board: Board): number {
  let count = 0;
  for (let f = 0; f < prep.firms.length; f++) if (i32(board.firmMeetings, f) >= 2) count++;
  return count;
}
