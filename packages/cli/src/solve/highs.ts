/** HiGHS (the `highs` package, WebAssembly) as the core's exact solver: the runtime is loaded once, each program solved synchronously. */
import * as highsModule from "highs";
import type { Highs } from "highs";
import type { ExactLimits, ExactOutcome, ExactProgram, ExactSolver } from "@roadshow/core";

// The package is typed as CommonJS while Node loads its ESM build: accept either shape.
type Loader = () => Promise<Highs>;
const exported = highsModule as unknown as { default: Loader | { default: Loader } };
/** Starts a new HiGHS runtime (each call its own WebAssembly instance, so an abort in one leaves the others working). */
export const startHighs: Loader = typeof exported.default === "function" ? exported.default : exported.default.default;

const VERSION = "1.15.3";

let loaded: Promise<ExactSolver | null> | undefined;
/** Why HiGHS did not load, once it failed. */
let failure: string | null = null;

/**
 * HiGHS as an `ExactSolver`, loaded once per process; null when the
 * WebAssembly runtime cannot start (the scheduler then keeps its search's agenda).
 */
export function loadExactSolver(): Promise<ExactSolver | null> {
  loaded ??= startHighs().then(
    (highs) => highsSolver(highs),
    (error: unknown) => {
      failure = error instanceof Error ? error.message : String(error);
      return null;
    },
  );
  return loaded;
}

/** Wraps a loaded runtime. After a WebAssembly abort the runtime is unusable: later solves answer `failed` at once. */
export function highsSolver(highs: Highs): ExactSolver {
  let broken: string | null = null;
  return {
    name: `HiGHS ${VERSION}`,
    solve(program, start, limits) {
      if (broken !== null) return { status: "failed", values: null, bound: null, message: `HiGHS stopped working earlier in this run (${broken})` };
      try {
        return solveOnce(highs, program, start, limits);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // A WebAssembly trap (out of memory, abort) leaves the runtime's state undefined.
        if ((error instanceof Error && error.name === "RuntimeError") || /abort|memory/i.test(message)) broken = message;
        return { status: "failed", values: null, bound: null, message };
      }
    },
  };
}

function solveOnce(highs: Highs, program: ExactProgram, start: Float64Array | null, limits: ExactLimits): ExactOutcome {
  const inf = highs.infinity;
  const rows = program.rowLower.length;
  const model = highs.createModel({
    numCols: program.columns,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: program.cost,
    colLower: new Float64Array(program.columns),
    colUpper: program.upper,
    rowLower: program.rowLower.map((v) => (v === -Infinity ? -inf : v)),
    rowUpper: program.rowUpper.map((v) => (v === Infinity ? inf : v)),
    matrix: { format: "csr", numRows: rows, numCols: program.columns, starts: program.rowStarts, indices: program.rowIndex, values: program.rowValue },
    integrality: Int32Array.from(program.integer),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.001, limits.timeLimitMs / 1000),
      mip_max_nodes: limits.nodes,
      mip_rel_gap: limits.relativeGap,
      mip_abs_gap: limits.absoluteGap,
      random_seed: 0,
    });
    if (start !== null) model.setSolution({ colValue: start });
    // The LP-iteration budget, counted by HiGHS itself: a stop there does not depend on the clock.
    let spent = false;
    const budget = limits.lpIterations;
    const { modelStatus } = model.run(
      budget === undefined
        ? undefined
        : {
            [highs.constants.callbackType.mipInterrupt]: (event) => {
              if (Number(event.data.mip_total_lp_iterations ?? 0) >= budget) {
                spent = true;
                event.interrupt();
              }
            },
          },
    );
    const codes = highs.constants.modelStatus;
    const values = model.info.get("primal_solution_status") === 2 ? Float64Array.from(model.getSolution().colValue) : null;
    const dual = Number(model.info.get("mip_dual_bound"));
    const bound = Number.isFinite(dual) ? dual : null;
    const nodes = Number(model.info.get("mip_node_count") ?? 0);
    switch (modelStatus) {
      case codes.optimal:
        return { status: "optimal", values, bound, nodes };
      case codes.interrupted:
        return { status: spent ? "limit" : "timedout", values, bound, nodes };
      case codes.timeLimit:
        return { status: "timedout", values, bound, nodes };
      case codes.infeasible:
        return { status: "infeasible", values: null, bound: null, nodes };
      case codes.solutionLimit:
      case codes.iterationLimit:
        return { status: "limit", values, bound, nodes };
      default:
        return { status: values === null ? "failed" : "limit", values, bound, nodes, message: `HiGHS model status ${modelStatus}` };
    }
  } finally {
    // After an abort the runtime may refuse this too; the abort is what gets reported.
    try {
      model.dispose();
    } catch {
      // nothing more to free
    }
  }
}

/** The planning options for the exact polish: HiGHS unless `--no-exact` (`enabled` false) or it cannot load (then `unavailable` gets why). */
export async function exactOption(enabled: boolean | undefined, unavailable?: (reason: string) => void): Promise<{ exact?: ExactSolver }> {
  if (enabled === false) return {};
  const solver = await loadExactSolver();
  if (solver === null) unavailable?.(failure ?? "unknown error");
  return solver === null ? {} : { exact: solver };
}
