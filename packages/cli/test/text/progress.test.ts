// Progress lines told from the catalogue: the core's typed events worded in English as the core used to, and in Italian with every value filled.
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

  it("words every event in English and Italian with every value filled", () => {
    for (const p of all) {
      for (const lang of ["en", "it"] as const) expect(progressText(p, lang), `${lang} ${p.step}`).not.toMatch(/[{}]|undefined|NaN|^$/);
    }
    const done = all.find((p) => p.step === "done");
    expect(done && progressText(done, "it")).toMatch(/^(ottimo|obbligatori|nessun|servite|equilibrio)/);
  });

  it("writes the line as before in English, with the stop in a season", () => {
    const p: Progress = { phase: "select", step: "selecting", pairs: 12, elapsedMs: 1250 };
    expect(progressLine(p, "en")).toBe("[1.3 s] select: selecting among 12 eligible pairs\n");
    expect(progressLine(p, "en", "BS-2026-02")).toBe("[BS-2026-02 1.3 s] select: selecting among 12 eligible pairs\n");
    expect(progressLine(p, "it", "BS-2026-02")).toBe("[BS-2026-02 1,3 s] selezione: scelta tra 12 coppie ammissibili\n");
  });

  it("says each event as the core's English prose said it before events were data", () => {
    const levels = { musts: 3, served: 118, balance: 1630, score: 5120.54 };
    const bounds = { musts: 3, served: 120, balance: 1700, score: 5300 };
    expect(progressText({ step: "searching", stage: "local-search", round: 2, levels }, "en")).toBe("local search, round 2: musts 3, served 118, balance 1630, score 5120.5");
    expect(progressText({ step: "searching-toward", stage: "lns", levels, target: bounds }, "en")).toBe(
      "large-neighbourhood search: musts 3, served 118, balance 1630, score 5120.5 (aiming at musts 3, served 120, balance 1700, score 5300.0)",
    );
    expect(progressText({ step: "done", status: "timedout", levels, bounds, gap: 3.39 }, "en")).toBe("musts at their bounds; score 5120.5, 3.390 % below its bound 5300.0 (time limit reached)");
    expect(progressText({ step: "done", status: "optimal", levels, bounds: levels, gap: 0 }, "en")).toBe("optimal, every level at its bound (musts 3, served 118, balance 1630, score 5120.5)");
    const solved = { step: "exact-solved", solver: "HiGHS", level: "score", status: "limit", note: "node limit", from: 5120.54, to: 5130, bound: 5200, dropped: true } as const;
    expect(progressText({ ...solved, nodes: 1 }, "en")).toBe("HiGHS: score limit (node limit): 5120.5 → 5130, bound 5200, 1 node; its agenda broke a rule and was dropped, the search's is kept");
    expect(progressText({ ...solved, nodes: 1500 }, "en")).toContain(", 1500 nodes;");
    expect(progressText({ ...solved, nodes: 1 }, "it")).toContain(", 1 nodo");
    expect(progressText({ step: "exact-fallback", solver: "HiGHS", reason: "failed" }, "en")).toBe("HiGHS gave no agenda: the search goes on from its own");
  });
});
