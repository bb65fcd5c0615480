/** Checks the ATECO-code → sector mapping and how a firm's sectors merge declared and mapped ones. */
import { describe, expect, it } from "vitest";
import { affinity } from "../src/affinity.js";
import { ATECO_SECTORS, atecoSectors, firmSectors, unknownAteco } from "../src/ateco.js";
import { isKnownSector } from "../src/sectors.js";
import { makeDelegation, makeFirm, makeStop } from "./builders.js";

describe("ATECO → sectors", () => {
  it.each([
    ["28", ["mechanics"]],
    ["C28", ["mechanics"]],
    ["28.41", ["mechanics", "advanced-manufacturing"]],
    ["C28.41", ["mechanics", "advanced-manufacturing"]],
    ["c28.41.00", ["mechanics", "advanced-manufacturing"]],
    ["28.4", ["mechanics", "advanced-manufacturing"]],
    ["28.99", ["mechanics"]],
    ["C30.3", ["aerospace"]],
    ["30.30.09", ["aerospace"]],
    ["30.2", ["mechanics"]],
    ["33.16", ["aerospace"]],
    ["C13", ["fashion"]],
    ["13.96", ["technical-textiles"]],
    ["13.9", ["technical-textiles"]],
    ["14.13", ["fashion"]],
    ["C26", ["tech-innovation"]],
    ["J62", ["tech-innovation"]],
    ["K62", ["tech-innovation"]],
    ["62.01", ["tech-innovation", "ai"]],
    ["62.10", ["tech-innovation", "ai"]],
    ["62.20", ["tech-innovation"]],
    ["M72.1", ["ai", "tech-innovation"]],
    ["72.19", ["ai", "tech-innovation"]],
    ["72.2", ["tech-innovation"]],
    ["D35", ["energy"]],
    ["35.11", ["energy"]],
    ["D", ["energy"]],
    ["F41", ["construction"]],
    ["42.11", ["construction"]],
    ["F43.21", ["construction"]],
    ["f", ["construction"]],
  ])("%s → %j", (code, sectors) => {
    expect(atecoSectors(code)).toEqual(sectors);
  });

  it("maps nothing it does not know", () => {
    for (const code of ["C", "56.10", "I56", "01", "2", "99"]) expect(atecoSectors(code), code).toEqual([]);
    expect(unknownAteco(["28.41", "56.10", "C", "56.10"])).toEqual(["56.10", "C"]);
  });

  it("has a table of distinct prefixes over known sectors, each with a documented activity", () => {
    const prefixes = ATECO_SECTORS.map((r) => r.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const rule of ATECO_SECTORS) {
      expect(rule.prefix).toMatch(/^(?:[A-U]|\d{2}(?:\.\d{1,2})?)$/);
      expect(rule.sectors.length).toBeGreaterThan(0);
      for (const s of rule.sectors) expect(isKnownSector(s), `${rule.prefix} → ${s}`).toBe(true);
      expect(rule.activity).not.toBe("");
    }
  });
});

describe("firmSectors", () => {
  it("is the declared sectors without ateco", () => {
    const firm = makeFirm({ id: "F1", sectors: ["energy", "ai"] });
    expect(firmSectors(firm)).toBe(firm.sectors);
  });

  it("uses the mapped sectors when none is declared", () => {
    expect(firmSectors(makeFirm({ id: "F1", sectors: [], ateco: ["C30.3", "28.41"] }))).toEqual(["aerospace", "mechanics", "advanced-manufacturing"]);
  });

  it("merges declared sectors first, then mapped ones, each once", () => {
    expect(firmSectors(makeFirm({ id: "F1", sectors: ["mechanics"], ateco: ["28.41", "13.96", "56.10"] }))).toEqual([
      "mechanics", "advanced-manufacturing", "technical-textiles",
    ]);
  });

  it("feeds the affinity: an ATECO-only aerospace firm fits an aerospace stop as primary", () => {
    const firm = makeFirm({ id: "F1", sectors: [], ateco: ["30.30"] });
    const a = affinity(makeStop({ sector: "aerospace" }), firm, makeDelegation({ id: "D", sectors: ["mechanics"] }), false);
    expect(a.parts).toEqual([{ code: "stop-sector", points: 40, sector: "aerospace", primary: true }]);
  });
});
