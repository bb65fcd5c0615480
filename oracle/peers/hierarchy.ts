/**
 * The lexicographic objective solved in stages with any MILP solver: maximise
 * musts met, fix that value; maximise served firms, fix it; maximise the
 * balance, fix it; maximise score.
 * A stage that runs out of time still fixes the value it reached, so later
 * stages stay feasible, but its bound then says nothing about the optimum.
 */
import type { ObjectiveLevels, StopInstance } from "@roadshow/core";
import {
  balanceColumns,
  buildModel,
  levelsOf,
  meetingsOf,
  stageIsTrivial,
  stageProgram,
  type Milp,
  type ModelOptions,
  type PeerMeeting,
  type Stage,
  type TimeIndexedModel,
} from "./model.js";

export type StageStatus = "optimal" | "feasible" | "timedout" | "infeasible" | "failed";

/** What one solver call returns; `values` are in the Milp's column order. */
export interface StageOutcome {
  readonly status: StageStatus;
  readonly values: ArrayLike<number> | null;
  /** Best proven upper bound on the stage objective, if the solver gives one. */
  readonly bound: number | null;
  readonly note?: string;
}

export interface StageReport {
  readonly stage: Stage;
  readonly status: StageStatus | "skipped";
  readonly value: number | null;
  readonly bound: number | null;
  readonly seconds: number;
}

export type PeerStatus = "optimal" | "feasible" | "timedout" | "failed" | "skipped" | "killed";

export interface PeerResult {
  readonly solver: "highs" | "jslp";
  readonly status: PeerStatus;
  /** Levels of `meetings`, recomputed from them (not the solver's objective). */
  readonly levels: ObjectiveLevels | null;
  /** Whether levels 1–2 were proven optimal, so `bound` bounds the lexicographic optimum's score. */
  readonly levelsProven: boolean;
  /** Best proven bound on the score level of the last stage run, rounded down to the score grid. */
  readonly bound: number | null;
  readonly stages: readonly StageReport[];
  readonly seconds: number;
  readonly variables: number;
  readonly rows: number;
  readonly meetings: readonly PeerMeeting[];
  readonly note: string | null;
}

export type StageSolver = (milp: Milp, stage: Stage, start: Float64Array | null, timeLimitSec: number, absGap: number) => StageOutcome;

export interface HierarchyOptions extends ModelOptions {
  readonly timeLimitSec: number;
  /** Called after each stage with the agenda so far (the child process streams it). */
  readonly onStage?: (partial: PeerResult) => void | Promise<void>;
  readonly log?: (message: string) => void;
}

/** The smallest step of the score grid (1, 0.1, ...) or 0 when scores are arbitrary. */
export function scoreStep(model: TimeIndexedModel): number {
  for (const step of [1, 0.1, 0.01]) {
    if (model.x.every((v) => Math.abs(v.score / step - Math.round(v.score / step)) < 1e-7)) return step;
  }
  return 0;
}

/** Full start vector for a stage from x values: y and z take the best values the x allow. */
function startFrom(model: TimeIndexedModel, milp: Milp, x: ArrayLike<number>): Float64Array {
  const start = new Float64Array(milp.columns.length);
  const n = model.x.length;
  for (let j = 0; j < n; j++) start[j] = (x[j] ?? 0) >= 0.5 ? 1 : 0;
  model.musts.forEach((m, k) => {
    start[n + k] = m.xs.some((j) => start[j] === 1) ? 1 : 0;
  });
  let i = n + model.musts.length;
  const servable: number[] = [];
  const meetings: number[] = [];
  model.byFirm.forEach((xs, f) => {
    if (xs.length === 0) return;
    meetings[f] = xs.reduce((s, j) => s + start[j]!, 0);
    servable.push(f);
    start[i++] = Math.min(model.minMeetings, meetings[f]!);
  });
  // Balance units fill in order: the first `meetings` of each firm are 1.
  let seen = 0;
  let previous = -1;
  for (const u of balanceColumns(model, servable)) {
    seen = u.f === previous ? seen + 1 : 1;
    previous = u.f;
    start[i++] = seen <= meetings[u.f]! ? 1 : 0;
  }
  return start;
}

export async function solveHierarchy(solver: PeerResult["solver"], instance: StopInstance, options: HierarchyOptions, solve: StageSolver): Promise<PeerResult> {
  const began = performance.now();
  const elapsed = (): number => (performance.now() - began) / 1000;
  const model = buildModel(instance, options);
  const step = scoreStep(model);
  const stages: StageReport[] = [];
  // The empty agenda is feasible: the first stage's start, and what is left if no stage finds one.
  let x: ArrayLike<number> = new Float64Array(model.x.length);
  let fixes: { musts?: number; served?: number; balance?: number } = {};
  let bound: number | null = null;
  let failed: string | null = null;
  let rows = 0;

  const result = (status: PeerStatus): PeerResult => {
    const meetings = meetingsOf(model, x);
    return {
      solver,
      status,
      levels: levelsOf(instance, options.minMeetings, meetings, model.balanceTop),
      levelsProven: stages.filter((s) => s.stage < 4 && (s.status === "optimal" || s.status === "skipped")).length === 3,
      bound,
      stages: [...stages],
      seconds: elapsed(),
      variables: model.x.length,
      rows,
      meetings,
      note: failed,
    };
  };

  for (const stage of [1, 2, 3, 4] as const) {
    const began = elapsed();
    // jsLPSolver solves balance and score as one weighted stage (see `stageProgram`).
    if (stage === 3 && solver !== "highs") {
      stages.push({ stage, status: "skipped", value: null, bound: null, seconds: 0 });
      continue;
    }
    if (stageIsTrivial(model, stage)) {
      stages.push({ stage, status: "skipped", value: 0, bound: 0, seconds: 0 });
      if (stage === 1) fixes = { ...fixes, musts: 0 };
      if (stage === 4) bound = 0;
      continue;
    }
    const left = options.timeLimitSec - elapsed();
    if (left <= 0.05) {
      stages.push({ stage, status: "timedout", value: null, bound: null, seconds: 0 });
      break;
    }
    const milp = stageProgram(model, stage, fixes, solver === "highs");
    rows = milp.rows.length;
    const absGap = stage === 4 ? (step > 0 ? step * 0.999 : 1e-6) : 0.999;
    options.log?.(`${solver}: stage ${stage}, ${milp.columns.length} columns, ${milp.rows.length} rows, ${left.toFixed(1)} s left`);
    const outcome = solve(milp, stage, startFrom(model, milp, x), left, absGap);
    const solved = outcome.values !== null ? meetingsOf(model, outcome.values) : null;
    const level = solved === null ? null : levelsOf(instance, options.minMeetings, solved, model.balanceTop);
    const value = level === null ? null : stage === 1 ? level.musts : stage === 2 ? level.served : stage === 3 ? level.balance : level.score;
    // jsLPSolver's score stage weighs balance in: its bound is on that sum, so only an optimal score bounds the score.
    const merged = stage === 4 && solver !== "highs";
    const stageBound = outcome.bound === null ? null : merged ? (outcome.status === "optimal" && level !== null ? level.score : null) : roundDown(outcome.bound, stage === 4 ? step : 1);
    stages.push({ stage, status: outcome.status, value, bound: stageBound, seconds: elapsed() - began });
    if (outcome.note) failed = outcome.note;
    if (outcome.values === null || level === null) {
      if (outcome.status !== "timedout") failed ??= `stage ${stage}: ${outcome.status}`;
      break;
    }
    x = outcome.values;
    if (stage === 1) fixes = { musts: level.musts };
    if (stage === 2) fixes = { ...fixes, served: level.served };
    if (stage === 3) fixes = { ...fixes, balance: level.balance };
    if (stage === 4) bound = stageBound;
    await options.onStage?.(result(outcome.status === "optimal" ? "optimal" : "feasible"));
  }
  const solvedAny = stages.some((s) => s.value !== null && s.status !== "skipped");
  const allOptimal = stages.length === 4 && stages.every((s) => s.status === "optimal" || s.status === "skipped");
  if (!solvedAny && !allOptimal) return { ...result(failed === null ? "timedout" : "failed"), levels: null, meetings: [] };
  if (failed !== null) return result("failed");
  return result(allOptimal ? "optimal" : "feasible");
}

function roundDown(value: number, step: number): number {
  if (!Number.isFinite(value)) return value;
  if (step <= 0) return value;
  return Math.round(Math.floor(value / step + 1e-6) * step * 1e6) / 1e6;
}
