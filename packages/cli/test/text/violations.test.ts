// Violations told from the catalogue: the core gives data only (code, params, meetings), the English and Italian sentences come from the catalogue with every value filled.
import { describe, expect, it } from "vitest";
import { verifyAgenda, type StopInstance, type Violation } from "@roadshow/core";
import { violationText } from "../../src/text/violations.js";
import { makeDelegation, makeFirm, makeStop } from "../write/fixture.js";

const stop = makeStop();
/** One agenda breaking every rule the core checks. */
const instance: StopInstance = {
  stop,
  delegations: [makeDelegation("US-1", "US", { tables: 1 }), makeDelegation("DE-1", "DE", { tables: 1, available: [{ start: stop.start, end: stop.start + 20 }] })],
  firms: [makeFirm("F1", { maxMeetings: 1 }), makeFirm("F2", { available: [{ start: stop.start, end: stop.start + 20 }] }), makeFirm("F3")],
  requests: [{ firmId: "F3", country: "US", kind: "avoid" }],
  scores: [
    { firmId: "F1", delegationId: "US-1", score: 5 },
    { firmId: "F1", delegationId: "DE-1", score: 5 },
    { firmId: "F2", delegationId: "US-1", score: 5 },
    { firmId: "F2", delegationId: "DE-1", score: 0 },
    { firmId: "F3", delegationId: "US-1", score: 5 },
    { firmId: "F3", delegationId: "DE-1", score: 5 },
  ],
  history: [{ firmId: "F3", delegationId: "DE-1", stopId: "EARLIER" }],
};
const agenda = [
  { slot: 1, table: 1, firmId: "F1", delegationId: "US-1" },
  { slot: 1, table: 1, firmId: "F1", delegationId: "DE-1" },
  { slot: 2, table: 1, firmId: "F1", delegationId: "US-1" },
  { slot: 2, table: 3, firmId: "F2", delegationId: "DE-1" },
  { slot: 3, table: 2, firmId: "F3", delegationId: "US-1" },
  { slot: 3, table: 1, firmId: "F2", delegationId: "US-1" },
  { slot: 4, table: 2, firmId: "F3", delegationId: "DE-1" },
  { slot: 99, table: 1, firmId: "F3", delegationId: "US-1" },
  { slot: 1, table: 1, firmId: "F9", delegationId: "US-1" },
  { slot: 1, table: 1, firmId: "F1", delegationId: "XX-9" },
];

describe("violationText", () => {
  const violations: Violation[] = verifyAgenda(instance, agenda);

  it("covers the rules this agenda breaks", () => {
    expect(new Set(violations.map((v) => v.code))).toEqual(new Set([
      "unknown-firm", "unknown-delegation", "unknown-slot", "firm-absent", "delegation-absent", "avoided-pair", "zero-score", "met-before",
      "firm-capacity", "delegation-capacity", "repeated-pair", "max-meetings", "table-clash", "wrong-table",
    ]));
  });

  it("is data from the core, worded in English and Italian with every value filled", () => {
    for (const v of violations) {
      expect(Object.keys(v).sort(), v.code).toEqual(["code", "meetings", "params"]);
      const en = violationText(v, "en");
      const it = violationText(v, "it");
      expect(it, v.code).not.toBe(en);
      for (const text of [en, it]) {
        expect(text, v.code).not.toMatch(/[{}]/);
        for (const value of Object.values(v.params)) expect(text, v.code).toContain(String(value));
      }
    }
    const capacity = violations.find((v) => v.code === "firm-capacity")!;
    expect(violationText(capacity, "en")).toBe(`F1 has 2 meetings in slot 1 (representatives 1)`);
  });

  it("says whose table a delegation meets at, in both languages", () => {
    const shared = verifyAgenda(instance, [
      { slot: 1, table: 1, firmId: "F1", delegationId: "US-1" },
      { slot: 2, table: 1, firmId: "F3", delegationId: "US-1" },
      { slot: 1, table: 2, firmId: "F3", delegationId: "DE-1" },
      { slot: 2, table: 1, firmId: "F1", delegationId: "DE-1" },
    ]).filter((v) => v.code === "wrong-table");
    expect(shared.map((v) => [v.params.delegation, v.params.owner, v.meetings])).toEqual([["DE-1", "US-1", [3]]]);
    expect(violationText(shared[0]!, "en")).toBe("DE-1 meets at table 1, the table of US-1 (1 meeting); its own: 2");
    expect(violationText(shared[0]!, "it")).toBe("DE-1 si incontra al tavolo 1, il tavolo di US-1 (1 incontro); i suoi: 2");
  });
});
