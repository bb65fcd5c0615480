/**
 * The README's figures are a real run's: the season table equals what
 * `roadshow season` prints on the bundled example now, the `explain` sample
 * is what that command prints, and the benchmark table
 * equals what `bench/results.md` holds (both through scripts/readme-figures.ts;
 * `pnpm readme` rewrites them).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchFigure, explainFigure, seasonFigure, withFigure } from "../scripts/readme-figures.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");

describe("README figures", () => {
  it("shows the season table of a real run (run `pnpm readme` after changing the planner or the example)", async () => {
    expect(withFigure(readme, "season", await seasonFigure())).toBe(readme);
  });

  it("shows the explain sample as roadshow explain prints it now (run `pnpm readme` after changing explain's texts)", async () => {
    expect(withFigure(readme, "explain", await explainFigure())).toBe(readme);
  });

  it("shows the benchmark table of bench/results.md (run `pnpm readme` after `pnpm bench`)", () => {
    expect(withFigure(readme, "bench", benchFigure())).toBe(readme);
  });

  it("renders a results row the way the README words it", () => {
    const results = [
      "- Machine: X, 4 cores, 8 GB RAM",
      "- Node v22.1.0, 2026-01-01, commit abc",
      "- Command: `pnpm bench` (families S; 3 seed(s); ours: median of 3)",
      "",
      "| instance | firms × del. × slots | ours lib ms | ours CLI ms | CLI RSS MB | ours levels | HiGHS | HiGHS levels | jsLPSolver | jsLP levels | ours/HiGHS time | score / best bound |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|",
      "| Mx2n-1 | 240 × 15 × 12 | 1,500 | 880 | 90 | 1 / 200 / 1,000.0 (feasible) | 2.34 s (cold 3 s) optimal, 300 MB | 1 / 200 / 1,010.0 | killed at 60.4 s, 4,000 MB | none | — | 99.000% |",
      "| Mx2n-2 | 240 × 15 × 12 | 1 | 1 | 1 | x | skipped | — | skipped | — | — | 100% |",
    ].join("\n");
    expect(benchFigure(results).split("\n")).toEqual([
      "Latest run (4 cores, Node 22.1, 3 seeds; `bench/results.md` has every column):",
      "",
      "| instance | firms × delegations × slots | ours, library | ours, full CLI | CLI peak RSS | result | HiGHS (time-indexed MIP) | jsLPSolver |",
      "|---|---|---:|---:|---:|---|---|---|",
      "| M×2 firms, narrow windows | 240 × 15 × 12 | 1.5 s | 880 ms | 90 MB | levels 1–2 optimal, score 0.990 % below HiGHS's optimum | 2.3 s, optimum | killed at 60 s |",
    ]);
  });
});
