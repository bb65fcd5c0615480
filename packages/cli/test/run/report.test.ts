// The run layer's progress reporting: a long solve talks at most once a second after its first, warnings pass at once, and the final line is printed once.
import { describe, expect, test } from "vitest";
import type { Progress } from "@roadshow/core";
import { saidIssue } from "../../src/issues.js";
import { Reporter, throttle } from "../../src/run/report.js";
import { nearAs, said } from "../../src/text/cli-text.js";

const at = (elapsedMs: number, phase: Progress["phase"] = "improve", warning = false): Progress => ({ phase, step: "checking", meetings: elapsedMs, elapsedMs, ...(warning && { warning: true as const }) });

function shown(reports: readonly Progress[], everyMs: number, quietMs?: number): number[] {
  const seen: number[] = [];
  const report = throttle((p) => seen.push(p.elapsedMs), everyMs, quietMs);
  for (const p of reports) report(p);
  return seen;
}

describe("throttle", () => {
  test("nothing in the quiet time, then at most one report per period", () => {
    const reports = [0, 300, 900, 1001, 1500, 2002, 2100, 3100].map((ms) => at(ms));
    expect(shown(reports, 1000, 1000)).toEqual([1001, 2002, 3100]);
  });

  test("without a quiet time the first report passes, even at 0 ms (the studio's page)", () => {
    expect(shown([at(0), at(150), at(200), at(399), at(400)], 200)).toEqual([0, 200, 400]);
  });

  test("a warning passes at once; the final report once, however often it comes", () => {
    const reports = [at(1200), at(1300, "exact", true), at(1400, "done"), at(1450, "done")];
    expect(shown(reports, 1000, 1000)).toEqual([1200, 1300, 1400]);
  });

  test("a short solve prints nothing, not even its final line", () => {
    expect(shown([at(10), at(500, "done")], 1000, 1000)).toEqual([]);
  });
});

describe("Reporter", () => {
  test("a season throttles each stop on its own and names the stop", () => {
    let err = "";
    const reporter = new Reporter({ stdout: () => {}, stderr: (s) => void (err += s), env: {}, color: false }, { lang: "en", format: "text" });
    const season = reporter.seasonProgress();
    season("A", at(1500));
    season("B", at(1500));
    season("A", at(1600));
    season("A", at(1700, "done"));
    const lines = err.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[A 1\.5 s\]/);
    expect(lines[1]).toMatch(/^\[B 1\.5 s\]/);
    expect(lines[2]).toMatch(/^\[A 1\.7 s\] done/);
  });

  test("issues print nothing when there are none, and one block with its count otherwise", () => {
    let err = "";
    const reporter = new Reporter({ stdout: () => {}, stderr: (s) => void (err += s), env: {}, color: false }, { lang: "en", format: "text" });
    reporter.issues([]);
    expect(err).toBe("");
    reporter.issues([saidIssue({ severity: "warning", code: "unknown-column", file: "firms.csv", line: 1, column: "x", value: "x" }, said("input.unknown-column", { column: "x", near: nearAs([]) }), said("input.unknown-column.fix", { names: "firm_id, name" }))]);
    expect(err).toMatch(/^firms\.csv:1 \[x\] warning unknown-column: .*x.* → .*firm_id, name/m);
  });
});
