/** The time-indexed model solved by HiGHS (WebAssembly, the `highs` dev dependency), stage by stage. */
import type { Highs } from "highs";
import { startHighs } from "../../packages/cli/src/solve/highs.js";
import type { StopInstance } from "@roadshow/core";
import { solveHierarchy, type HierarchyOptions, type PeerResult, type StageOutcome, type StageStatus } from "./hierarchy.js";
import { toLpText } from "./lp-format.js";
import type { Milp } from "./model.js";

let loaded: Promise<Highs> | undefined;

/** The oracle's own HiGHS runtime (not the one the CLI plans with), loaded once per process. */
export function loadHighs(): Promise<Highs> {
  loaded ??= startHighs();
  return loaded;
}

/** Solves the three stages with HiGHS under one wall-clock budget (LP text is parsed per stage). */
export async function solveWithHighs(instance: StopInstance, options: HierarchyOptions): Promise<PeerResult> {
  const highs = await loadHighs();
  return solveHierarchy("highs", instance, options, (milp, _stage, start, timeLimitSec, absGap) =>
    highsStage(highs, milp, start, timeLimitSec, absGap),
  );
}

export function highsStage(highs: Highs, milp: Milp, start: Float64Array | null, timeLimitSec: number, absGap: number): StageOutcome {
  try {
    return runStage(highs, milp, start, timeLimitSec, absGap);
  } catch (error) {
    return { status: "failed", values: null, bound: null, note: `threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function runStage(highs: Highs, milp: Milp, start: Float64Array | null, timeLimitSec: number, absGap: number): StageOutcome {
  const model = highs.createModel({ format: "lp", data: toLpText(milp) });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.1, timeLimitSec),
      mip_rel_gap: 0,
      mip_abs_gap: absGap,
      random_seed: 0,
    });
    // The LP reader numbers columns by first appearance; map them back by name.
    const index = new Map(milp.columns.map((c, i) => [c.name, i]));
    const { numCols } = model.getDimensions();
    const order = new Int32Array(numCols);
    for (let i = 0; i < numCols; i++) order[i] = index.get(model.getColName(i)) ?? -1;
    if (start !== null) {
      const colValue = new Float64Array(numCols);
      for (let i = 0; i < numCols; i++) colValue[i] = start[order[i]!] ?? 0;
      model.setSolution({ colValue });
    }
    const { modelStatus } = model.run();
    const codes = highs.constants.modelStatus;
    const hasPrimal = model.info.get("primal_solution_status") === 2;
    let values: Float64Array | null = null;
    if (hasPrimal) {
      const colValue = model.getSolution().colValue;
      values = new Float64Array(milp.columns.length);
      for (let i = 0; i < numCols; i++) if (order[i]! >= 0) values[order[i]!] = colValue[i]!;
    }
    const bound = Number(model.info.get("mip_dual_bound"));
    const status: StageStatus =
      modelStatus === codes.optimal
        ? "optimal"
        : modelStatus === codes.timeLimit || modelStatus === codes.interrupted
          ? "timedout"
          : modelStatus === codes.infeasible
            ? "infeasible"
            : hasPrimal
              ? "feasible"
              : "failed";
    const outcome: StageOutcome = { status, values, bound: Number.isFinite(bound) ? bound : null };
    return status === "failed" ? { ...outcome, note: `model status ${modelStatus}` } : outcome;
  } finally {
    model.dispose();
  }
}
