/**
 * What a long solve says on the way (issue 13, "done when proven"): each phase
 * in order, numbers rounded, the levels aimed at, and a last line that says
 * what was proven; the search stops as soon as it reaches its target.
 */
import { describe, expect, it } from "vitest";
import { planStop, type Progress } from "@roadshow/core";
import { generateInstance } from "../oracle/generate.js";
import { progressText } from "../packages/cli/src/text/progress.js";

/** A report as the CLI prints it in English. */
const said = (p: Progress): string => progressText(p, "en");

function plan(seed: number, K: number): { progress: Progress[]; status: string } {
  const progress: Progress[] = [];
  const schedule = planStop(generateInstance("M", seed, { narrowWindows: 0.8 }), { minMeetings: K, onProgress: (p) => progress.push(p) });
  return { progress, status: schedule.status };
}

describe("progress of a windowed solve", () => {
  it.each([
    [1, 1],
    [3, 2],
  ])("M with narrow windows, seed %i, K = %i: phases in order, rounded numbers, ends with what was proven", (seed, K) => {
    const { progress, status } = plan(seed, K);
    // In order: scoring, selection, the first timetable, the slot relaxation's bound, the search's steps, the bounds of
    // the levels reached, compaction, the final check, and what was proven.
    expect(progress.map((p) => p.phase).join(" ")).toMatch(/^score select timetable bound (improve |exact )+bound compact verify done$/);
    // No raw floating-point noise such as 58985.300879999995: at most three decimals anywhere.
    for (const p of progress) expect(said(p), said(p)).not.toMatch(/\d\.\d{4,}/);
    const done = said(progress.at(-1)!);
    if (status === "optimal") expect(done).toMatch(/^optimal, every level at its bound \(musts \d+, served \d+, balance \d+, score \d+\.\d\)$/);
    else expect(done).toMatch(/^(musts, served and balance at their bounds|[a-z, ]+ at their bounds|no level proven); score \d+\.\d, \d+\.\d{3} % below its bound \d+\.\d$/);
  });

  it("stops as soon as every level reaches its target: with any score gap tolerated, no step after levels 1–3 reach their bounds", () => {
    const instance = generateInstance("M", 1, { narrowWindows: 0.8 });
    const steps = (gapTolerance?: number): { steps: string[]; proven: boolean } => {
      const progress: Progress[] = [];
      const schedule = planStop(instance, { ...(gapTolerance !== undefined && { gapTolerance }), onProgress: (p) => progress.push(p) });
      const { levels, bounds } = schedule.stats;
      return {
        steps: progress.filter((p) => p.phase === "improve" && p.step !== "searching-toward").map((p) => said(p).split(":")[0]!),
        proven: levels.musts === bounds.musts && levels.served === bounds.served && levels.balance === bounds.balance,
      };
    };
    const later = (s: string): boolean => s.startsWith("re-optimising") || s.startsWith("large-neighbourhood");
    // By default the search goes on towards the score's bound after levels 1–3 are reached...
    const full = steps();
    expect(full.proven).toBe(true);
    expect(full.steps.some(later)).toBe(true);
    // ...but with any score accepted it is done once they are: no step after.
    const quick = steps(1);
    expect(quick.proven).toBe(true);
    expect(quick.steps.some(later)).toBe(false);
  });
});
