/** Checks the independent oracle: exactOptimum's refusals and checkAgenda's verdicts on valid and broken agendas. */
import { describe, expect, it } from "vitest";
import { buildSlots } from "@roadshow/core";
import type { Slot, StopInstance } from "@roadshow/core";
import { exactOptimum } from "../../oracle/exact.js";
import { bruteForceOptimum, EVERY_RULE, MUST_FIRST, SERVED_FIRST, withTables } from "../../oracle/tiny.js";
import { checkAgenda, type CheckCode, type CheckedMeeting } from "../../oracle/verify.js";

const cases: { name: string; instance: StopInstance; minMeetings: number; allowRepeats: boolean; optimum: { musts: number; served: number; balance: number; score: number } }[] = [
  { name: "a must outranks score", instance: MUST_FIRST, minMeetings: 1, allowRepeats: false, optimum: { musts: 1, served: 2, balance: 2, score: 30 } },
  { name: "K = 1 serves the second firm", instance: SERVED_FIRST, minMeetings: 1, allowRepeats: false, optimum: { musts: 0, served: 2, balance: 4, score: 101 } },
  // K = 2: F1's second meeting counts on level 2 as much as F2's first, and balance (top 2: a first meeting worth 2, a second 1) prefers F2's.
  { name: "K = 2: balance prefers a firm's first meeting to another's second", instance: SERVED_FIRST, minMeetings: 2, allowRepeats: false, optimum: { musts: 0, served: 2, balance: 4, score: 101 } },
  { name: "every rule, no repeats", instance: EVERY_RULE, minMeetings: 1, allowRepeats: false, optimum: { musts: 0, served: 4, balance: 4, score: 77 } },
  { name: "every rule, repeats allowed", instance: EVERY_RULE, minMeetings: 1, allowRepeats: true, optimum: { musts: 1, served: 4, balance: 9, score: 102 } },
];

describe("exactOptimum", () => {
  it.each(cases)("$name: matches the hand-worked and brute-force optimum", async ({ instance, minMeetings, allowRepeats, optimum }) => {
    const slots = buildSlots(instance.stop);
    expect(bruteForceOptimum(instance, slots, { minMeetings, allowRepeats })).toEqual(optimum);
    const exact = await exactOptimum(instance, { minMeetings, allowRepeats });
    expect(exact.levels).toEqual(optimum);
    expect(checkAgenda(instance, slots, { allowRepeats }, withTables(instance, exact.meetings))).toEqual([]);
  });

  it("refuses an instance without explicit scores", async () => {
    await expect(exactOptimum({ ...MUST_FIRST, scores: null }, { minMeetings: 1, allowRepeats: false })).rejects.toThrow(/explicit scores/);
  });
});

describe("checkAgenda", () => {
  const slots = buildSlots(EVERY_RULE.stop);
  // A slot lying in the break, to show the checker does not trust the slot list.
  const withBreakSlot: Slot[] = [...slots, { ...slots[0]!, index: 5, start: 880, end: 900 }];
  const m = (firmId: string, delegationId: string, slot: number, table: number, score?: number): CheckedMeeting => {
    const listed = EVERY_RULE.scores!.find((s) => s.firmId === firmId && s.delegationId === delegationId)?.score ?? 0;
    return { firmId, delegationId, slot, table, score: score ?? listed };
  };
  // US-1 sits at tables 1–2, DE-1 at 3, FR-1 at 4, IN-1 at 5.
  const valid = [m("F2", "US-1", 1, 1), m("F5", "US-1", 1, 2), m("F3", "US-1", 2, 1), m("F1", "DE-1", 3, 3)];

  it("accepts a valid agenda", () => {
    expect(checkAgenda(EVERY_RULE, slots, { allowRepeats: false }, valid)).toEqual([]);
  });

  const broken: { codes: CheckCode[]; meetings: CheckedMeeting[]; allowRepeats?: boolean; slots?: Slot[] }[] = [
    { codes: ["firm-capacity"], meetings: [m("F3", "US-1", 3, 1), m("F3", "DE-1", 3, 3)], allowRepeats: true },
    { codes: ["delegation-capacity", "table-clash"], meetings: [m("F1", "DE-1", 3, 3), m("F3", "DE-1", 3, 3)], allowRepeats: true },
    { codes: ["repeated-pair"], meetings: [m("F3", "US-1", 1, 1), m("F3", "US-1", 2, 1)] },
    { codes: ["firm-absent"], meetings: [m("F2", "US-1", 3, 1)] },
    { codes: ["firm-absent"], meetings: [m("F4", "US-1", 1, 1)] },
    { codes: ["delegation-absent"], meetings: [m("F1", "DE-1", 1, 3)] },
    { codes: ["delegation-absent"], meetings: [m("F1", "FR-1", 1, 4)] },
    { codes: ["in-break"], meetings: [m("F3", "US-1", 5, 1)], slots: withBreakSlot },
    { codes: ["avoided-pair"], meetings: [m("F5", "DE-1", 3, 3)] },
    { codes: ["zero-score"], meetings: [m("F1", "IN-1", 1, 5)] },
    { codes: ["zero-score"], meetings: [m("F2", "IN-1", 1, 5)] },
    { codes: ["score-mismatch"], meetings: [m("F3", "US-1", 1, 1, 99)] },
    { codes: ["max-meetings"], meetings: [m("F1", "US-1", 1, 1), m("F1", "DE-1", 3, 3)] },
    { codes: ["met-before"], meetings: [m("F3", "DE-1", 3, 3)] },
    { codes: ["unknown-slot"], meetings: [m("F3", "US-1", 9, 1)] },
    { codes: ["unknown-firm"], meetings: [m("FX", "US-1", 1, 1)] },
    { codes: ["unknown-delegation"], meetings: [m("F3", "XX-1", 1, 1)] },
    { codes: ["table-clash"], meetings: [m("F2", "US-1", 1, 1), m("F3", "US-1", 1, 1)] },
    { codes: ["wrong-table"], meetings: [m("F3", "US-1", 1, 0)] },
    { codes: ["wrong-table"], meetings: [m("F3", "US-1", 1, 1), m("F1", "DE-1", 3, 1)] },
    { codes: ["wrong-table"], meetings: [m("F2", "US-1", 1, 1), m("F3", "US-1", 2, 2), m("F5", "US-1", 3, 6)] },
  ];

  it.each(broken)("catches $codes", ({ codes, meetings, allowRepeats, slots: custom }) => {
    const found = checkAgenda(EVERY_RULE, custom ?? slots, { allowRepeats: allowRepeats ?? false }, meetings);
    expect([...new Set(found.map((v) => v.code))].sort()).toEqual([...codes].sort());
    for (const v of found) expect(v.meetings.length).toBeGreaterThan(0);
  });

  it("needs a score function when the instance has no scores", () => {
    const instance = { ...EVERY_RULE, scores: null };
    expect(() => checkAgenda(instance, slots, { allowRepeats: false }, valid)).toThrow(/scoreOf/);
    const scoreOf = (firmId: string, delegationId: string): number => (firmId === "F5" && delegationId === "US-1" ? 0 : 1);
    const codes = checkAgenda(instance, slots, { allowRepeats: false, scoreOf }, valid.map((x) => ({ ...x, score: 1 }))).map((v) => v.code);
    expect(codes).toEqual(["zero-score"]);
  });
});
