/** Checks the bench generator's determinism and shapes, and that the peer solvers (HiGHS, jsLPSolver) agree and obey every rule. */
import { describe, expect, it } from "vitest";
import { buildSlots } from "@roadshow/core";
import { FAMILIES, generateInstance } from "../../oracle/generate.js";
import { solveWithHighs } from "../../oracle/peers/highs.js";
import { solveWithJsLpInProcess } from "../../oracle/peers/jslp.js";
import { assignTables, countBinaries, buildModel } from "../../oracle/peers/model.js";
import { checkAgenda } from "../../oracle/verify.js";

const options = { minMeetings: 1, allowRepeats: false, timeLimitSec: 20 };

describe("bench generator", () => {
  it("is deterministic and gives each family its slot count", () => {
    expect(generateInstance("M", 3)).toEqual(generateInstance("M", 3));
    expect(generateInstance("M", 3)).not.toEqual(generateInstance("M", 4));
    for (const name of ["S", "M", "L", "XL"] as const) {
      expect(buildSlots(generateInstance(name, 1).stop)).toHaveLength(FAMILIES[name].slots);
    }
  });

  it("has the advertised shapes: windows, tables 1–3, musts and avoids", () => {
    const instance = generateInstance("L", 1);
    const windowed = [...instance.firms, ...instance.delegations].filter((p) => p.available !== null).length;
    expect(windowed / (instance.firms.length + instance.delegations.length)).toBeGreaterThan(0.2);
    expect(new Set(instance.delegations.map((d) => d.tables))).toEqual(new Set([1, 2, 3]));
    expect(instance.requests.filter((r) => r.kind === "must").length).toBe(15);
    expect(instance.requests.filter((r) => r.kind === "avoid").length).toBe(6);
    expect(instance.firms.some((f) => f.maxMeetings !== null)).toBe(true);
    expect(countBinaries(instance, options)).toBe(buildModel(instance, options).x.length);
  });
});

describe("peers", () => {
  it.each([1, 2])("HiGHS and jsLPSolver agree on S-%i and obey every rule", async (seed) => {
    const instance = generateInstance("S", seed);
    const highs = await solveWithHighs(instance, options);
    const jslp = await solveWithJsLpInProcess(instance, options);
    expect(highs.status).toBe("optimal");
    expect(jslp.status).toBe("optimal");
    expect(jslp.levels).toEqual(highs.levels);
    expect(highs.bound).toBe(highs.levels!.score);
    const slots = buildSlots(instance.stop);
    for (const result of [highs, jslp]) {
      expect(checkAgenda(instance, slots, options, assignTables(instance, result.meetings))).toEqual([]);
    }
  });
});
