/**
 * The exact polish: the stop's time-indexed model solved level by level by an
 * injected MILP solver, from the search's agenda, on models small enough. Each
 * level still short of its bound is maximised with the levels above held at
 * the values reached; a solution is kept only when its meetings obey every
 * rule and are lexicographically better; a level the solver proves optimal
 * (with every level above proven) gets the solver's bound.
 */
import type { Budget } from "../budget.js";
import type { Board } from "../board.js";
import { lexBetter, roundScore } from "../levels.js";
import type { Prepared } from "../prepare.js";
import { pinsOf } from "../pins.js";
import { boardOf } from "../timetable.js";
import type { ExactLimits, ExactOutcome, ExactSolver, ObjectiveLevels } from "../types.js";
import { levelOf, meetingsOf, STAGES, stageProgram, startOf, timeIndexed, type Stage, type TimeIndexed } from "./program.js";
import { at, i32 } from "../at.js";
import { improve } from "../search/improve.js";

/**
 * Above this many (pair, common slot) candidates the polish is skipped: an M
 * day with narrow windows has 1,100–1,800, an L day 11,700–18,800 (16 seeds;
 * HiGHS solves its levels in 2–15 s), an L day with twice the firms
 * 23,000–34,000; the bench's L day with broad windows 37,000–57,000 (where
 * the search reaches 0.01 % anyway), a 3,240-firm day 300,000, an XL day
 * millions.
 */
export const EXACT_MAX_CANDIDATES = 30_000;

/** Branch-and-bound nodes per level: the work budget that keeps the result independent of the clock. */
export const EXACT_NODES = 2_000;

/** Whether the polish may run on this stop: a solver is given and the model is small enough. */
export function polishable(prep: Prepared, solver: ExactSolver | undefined): solver is ExactSolver {
  return solver !== undefined && prep.candidates > 0 && prep.candidates <= EXACT_MAX_CANDIDATES;
}

/**
 * One stop's exact polish, run by the search (`hook`) on its best board. Keeps
 * what the solver proved, for the bounds, and whether the time limit stopped it.
 */
export class ExactPolish {
  /** Bounds the solver proved (a level's, valid as every level above was optimal). */
  readonly proven: Partial<Record<Stage, number>> = {};
  timedOut = false;

  constructor(
    private readonly prep: Prepared,
    /** The relaxations' bounds on each level given the board's levels (`boundsFor`, or the re-plan's). */
    private readonly boundsOf: (levels: ObjectiveLevels) => ObjectiveLevels,
    private readonly solver: ExactSolver,
    private readonly budget: Budget,
    /** The score gap the search may stop at (default: the day's, by its size). */
    private readonly tolerance = budget.tolerance(prep),
  ) {}

  /** The search's hook: polishes the board in place; true when every level solved was proven, or time ran out. */
  hook(): (board: Board) => boolean {
    return (board) => this.run(board);
  }

  /**
   * Polishes `board` in place, level by level, skipping the levels already at
   * their bound. Never throws on the solver's account: a solver that fails
   * leaves the board as it was and says so.
   */
  run(board: Board): boolean {
    const { prep, solver, budget } = this;
    const bounds = this.boundsOf(board.levels());
    const model = timeIndexed(prep);
    const fixed: Partial<Record<Stage, number>> = {};
    let provenAbove = true;
    for (const stage of STAGES) {
      if (stage === "replaced" && pinsOf(prep) === undefined) continue;
      const ours = levelOf(board.levels(), stage);
      const bound = levelOf(bounds, stage);
      const done = stage === "score" ? ours >= bound - this.tolerance * Math.abs(bound) - 1e-6 : ours >= bound;
      if (done || model.objective[stage].index.length === 0) {
        fixed[stage] = ours;
        continue;
      }
      const left = budget.deadline - budget.now();
      if (left <= 0) return (this.timedOut = true);
      budget.report("exact", {
        step: "exact-solving",
        solver: solver.name,
        level: stage,
        value: ours,
        bound,
        columns: model.columns,
      });
      const limits: ExactLimits = {
        nodes: EXACT_NODES,
        timeLimitMs: left,
        relativeGap: stage === "score" ? this.tolerance : 0,
        absoluteGap: stage === "score" ? 1e-6 : 0.999,
      };
      const outcome = solveSafely(solver, model, stage, fixed, board, limits);
      const kept = outcome.values === null ? null : adopt(prep, model, board, outcome.values);
      // The solver maximised this level alone: its answer may have spent score (and levels below) to gain
      // here. Local search raises them again, keeping every level above, so a run cut before the next
      // level is solved keeps a good agenda, not the solver's first answer.
      if (kept === "kept") improve(prep, board, budget);
      const reached = levelOf(board.levels(), stage);
      // The program's objective leaves out what pins alone give (`constant`): the level's bound adds it back.
      const levelBound = outcome.bound === null ? null : outcome.bound + model.objective[stage].constant;
      const shown = levelBound === null ? null : stage === "score" ? roundScore(levelBound) : Math.floor(levelBound + 1e-6);
      const failed = kept === "invalid" || outcome.status === "failed" || outcome.status === "infeasible";
      budget.report(
        "exact",
        {
          step: "exact-solved",
          solver: solver.name,
          level: stage,
          status: outcome.status,
          ...(outcome.message !== undefined && { note: outcome.message }),
          from: ours,
          to: reached,
          ...(shown !== null && { bound: shown }),
          ...(outcome.nodes !== undefined && { nodes: outcome.nodes }),
          ...(kept === "invalid" && { dropped: true as const }),
        },
        failed,
      );
      if (kept === "invalid") {
        budget.report("exact", { step: "exact-fallback", solver: solver.name, reason: "distrusted" }, true);
        for (const level of STAGES) delete this.proven[level];
        return false;
      }
      if (outcome.status === "optimal" && provenAbove && shown !== null) {
        // The solver's bound carries its rounding: never below what the board reaches.
        this.proven[stage] = Math.max(reached, shown);
      } else {
        provenAbove = false;
      }
      fixed[stage] = reached;
      if (outcome.status === "timedout") return (this.timedOut = true);
      if (outcome.status === "failed" || outcome.status === "infeasible") {
        budget.report("exact", { step: "exact-fallback", solver: solver.name, reason: "failed" }, true);
        return false;
      }
    }
    return provenAbove;
  }
}

function solveSafely(
  solver: ExactSolver,
  model: TimeIndexed,
  stage: Stage,
  fixed: Partial<Record<Stage, number>>,
  board: Board,
  limits: ExactLimits,
): ExactOutcome {
  try {
    return solver.solve(stageProgram(model, stage, fixed), startOf(model, board), limits);
  } catch (error) {
    return { status: "failed", values: null, bound: null, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Puts the solution's meetings on the board when they obey every rule (each
 * placed: eligible pair, common slot, room for both sides, under the firm's
 * cap) and are lexicographically better. A solution that breaks a rule is
 * `invalid`: nothing the solver said about it is trusted.
 */
function adopt(prep: Prepared, model: TimeIndexed, board: Board, values: ArrayLike<number>): "kept" | "not better" | "invalid" {
  const meetings = meetingsOf(model, values);
  const candidate = boardOf(prep, meetings);
  const valid = candidate.placed().length === meetings.length && prep.firms.every((_, f) => i32(candidate.firmMeetings, f) <= at(prep.firmCapacity, f));
  if (!valid) return "invalid";
  if (!lexBetter(candidate.levels(), board.levels())) return "not better";
  board.restore(candidate.snapshot());
  return "kept";
}

/** `bounds` tightened by what the solver proved. */
export function withProven(bounds: ObjectiveLevels, proven: Partial<Record<Stage, number>>): ObjectiveLevels {
  const out: { -readonly [K in keyof ObjectiveLevels]: ObjectiveLevels[K] } = { ...bounds };
  for (const stage of STAGES) {
    const value = proven[stage];
    if (value === undefined) continue;
    if (stage === "replaced") out.replaced = Math.min(bounds.replaced ?? value, value);
    else out[stage] = Math.min(bounds[stage], value);
  }
  return out;
}
