/**
 * The time-indexed model solved by javascript-lp-solver. Its own timeout is
 * checked only between branch-and-bound nodes (a single LP on a dense tableau
 * can run far past it), so callers use `solveWithJsLp`, which runs it in a
 * child process killed at a hard cap.
 */
import * as jsLpModule from "javascript-lp-solver";
import type { Model, SolveResult } from "javascript-lp-solver";
import type { StopInstance } from "@roadshow/core";
import { solveHierarchy, type HierarchyOptions, type PeerResult, type StageOutcome } from "./hierarchy.js";
import { toJsLp } from "./lp-format.js";
import type { Milp } from "./model.js";
import { runPeerInChild, type ChildResult } from "./spawn.js";

// The package is typed as CommonJS while Node loads its ESM build: accept either shape.
type JsLp = { Solve(model: Model): SolveResult };
const exported = jsLpModule as unknown as { default: JsLp | { default: JsLp } };
const jsLp: JsLp = "Solve" in exported.default ? exported.default : exported.default.default;

/** In this process: only for the child, or for instances known to be tiny. */
export function solveWithJsLpInProcess(instance: StopInstance, options: HierarchyOptions): Promise<PeerResult> {
  return solveHierarchy("jslp", instance, options, jsLpStage);
}

/** In a child process killed after `capSec`; the agenda of the last finished stage survives a kill. */
export function solveWithJsLp(instance: StopInstance, options: HierarchyOptions, capSec: number): Promise<ChildResult> {
  return runPeerInChild("jslp", instance, options, capSec);
}

function jsLpStage(milp: Milp, _stage: number, _start: Float64Array | null, timeLimitSec: number): StageOutcome {
  const began = Date.now();
  const timeout = Math.max(100, Math.floor(timeLimitSec * 1000));
  let result: SolveResult;
  try {
    result = jsLp.Solve({ ...toJsLp(milp), options: { timeout, tolerance: 0 } });
  } catch (error) {
    // Typically its dense tableau: rows × columns doubles past what a typed array can hold.
    return { status: "failed", values: null, bound: null, note: `threw: ${error instanceof Error ? error.message : String(error)}` };
  }
  const timedOut = Date.now() - began >= timeout;
  if (!result.feasible || result.isIntegral !== true) {
    return { status: timedOut ? "timedout" : result.feasible ? "failed" : "infeasible", values: null, bound: null };
  }
  const values = milp.columns.map((c) => {
    const v = result[c.name];
    return typeof v === "number" ? v : 0;
  });
  return { status: timedOut ? "timedout" : "optimal", values, bound: timedOut ? null : Number(result.result) };
}
