// Progress lines told from the catalogue: in English they are the core's own messages, in Italian every value is filled.
import { describe, expect, it } from "vitest";
import { planStop, replanStop, type ExactSolver, type Progress } from "@roadshow/core";
import { loadExactSolver } from "../../src/solve/highs.js";
import { generateInstance } from "../../../../oracle/generate.js";
import { perturbInstance } from "../../../../oracle/perturb.js";
import { progressLine, progressText } from "../../src/text/progress.js";

/** Every report of a windowed plan (it searches) and of a re-plan with moves, on a fake clock so the run is deterministic. */
function reports(exact: ExactSolver): Progress[] {
  const out: Progress[] = [];
  let clock = 0;
  const now = (): number => (clock += 7);
  const onProgress = (p: Progress): void => void out.push(p);
  const instance = generateInstance("S", 4, { narrowWindows: 0.8 });
  const schedule = planStop(instance, { now, onProgress, timeLimitMs: 60_000 });
  const changed = perturbInstance(instance, 4, { cancelled: 2, late: 1, walkIns: 2 });
  replanStop(changed, schedule.meetings, { now, onProgress, allowMoves: true, timeLimitMs: 60_000 });
  // The exact polish: HiGHS on a stop it improves, then a solver that throws and one that answers wrongly.
  const narrow = generateInstance("M", 1, { narrowWindows: 0.8 });
  const throwing: ExactSolver = { name: "broken", solve: () => { throw new Error("abort"); } };
  const lying: ExactSolver = { name: "lying", solve: (program) => ({ status: "optimal", values: new Float64Array(program.columns).fill(1), bound: 1e9 }) };
  // The polish runs once the search is done: the fake clock (7 ms a reading) must not run out before it.
  for (const solver of [exact, throwing, lying]) planStop(narrow, { now, onProgress, exact: solver, timeLimitMs: 1e9 });
  return out;
}

describe("progressText", async () => {
  const exact = await loadExactSolver();
  if (exact === null) throw new Error("HiGHS did not load");
  const all = reports(exact);

  it("sees every kind of report the planner and the re-planner make", () => {
    const steps = new Set(all.map((p) => p.step));
    for (const step of ["scoring", "selecting", "placing", "bounding", "searching", "searching-toward", "bounding-reached", "compacting", "checking", "done", "kept", "placing-around", "moving", "exact-solving", "exact-solved", "exact-fallback"] as const) {
      expect(steps, step).toContain(step);
    }
  });

  it("is the core's message in English, and Italian with every value filled", () => {
    for (const p of all) {
      expect(progressText(p, "en"), p.step).toBe(p.message);
      expect(progressText(p, "it"), p.step).not.toMatch(/[{}]|undefined|NaN/);
    }
    const done = all.find((p) => p.step === "done");
    expect(done && progressText(done, "it")).toMatch(/^(ottimo|obbligatori|nessun|servite|equilibrio)/);
  });

  it("writes the line as before in English, with the stop in a season", () => {
    const p: Progress = { phase: "select", message: "selecting among 12 eligible pairs", step: "selecting", values: { pairs: 12 }, elapsedMs: 1250 };
    expect(progressLine(p, "en")).toBe("[1.3 s] select: selecting among 12 eligible pairs\n");
    expect(progressLine(p, "en", "BS-2026-02")).toBe("[BS-2026-02 1.3 s] select: selecting among 12 eligible pairs\n");
    expect(progressLine(p, "it", "BS-2026-02")).toBe("[BS-2026-02 1,3 s] selezione: scelta tra 12 coppie ammissibili\n");
  });
});
