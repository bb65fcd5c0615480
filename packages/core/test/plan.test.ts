/** Checks planStop's objective order on hand-made stops: musts, firms served, balance, score, and table numbering. */
import { describe, expect, it } from "vitest";
import { planStop } from "../src/plan.js";
import { makeDelegation, makeFirm, makeInstance, makeStop } from "./builders.js";

const scores = (entries: [string, string, number][]) => entries.map(([firmId, delegationId, score]) => ({ firmId, delegationId, score }));

describe("planStop", () => {
  it("meets a must through any delegation of the country, before firms served and score", () => {
    const instance = makeInstance({
      stop: makeStop({ end: 14 * 60 + 20 }), // one slot
      delegations: [makeDelegation({ id: "US-CG", country: "US" }), makeDelegation({ id: "US-ICE", country: "US" })],
      firms: [makeFirm({ id: "A" }), makeFirm({ id: "B" }), makeFirm({ id: "C" })],
      requests: [{ firmId: "C", country: "US", kind: "must" }],
      scores: scores([["A", "US-CG", 9], ["B", "US-ICE", 9], ["C", "US-CG", 1], ["C", "US-ICE", 1]]),
    });
    const s = planStop(instance);
    expect(s.stats.levels).toEqual({ musts: 1, served: 2, balance: 2, score: 10 });
    expect(s.meetings.some((m) => m.firmId === "C")).toBe(true);
    expect(s.unmatched).toEqual([{ firmId: expect.stringMatching(/^[AB]$/), country: null, reason: "capacity", meetings: 0 }]);
  });

  it("gives every firm K meetings before a higher score", () => {
    const instance = makeInstance({
      stop: makeStop({ end: 14 * 60 + 40 }), // two slots
      delegations: [makeDelegation({ id: "D1" })],
      firms: [makeFirm({ id: "A" }), makeFirm({ id: "B" })],
      scores: scores([["A", "D1", 100], ["B", "D1", 1]]),
    });
    expect(planStop(instance, { minMeetings: 1 }).stats.levels.served).toBe(2);
  });

  it("balances meetings across firms before the score, unless told not to", () => {
    // Five table-slots; A (two representatives) could take three of them, B and C one each.
    const instance = makeInstance({
      stop: makeStop({ end: 14 * 60 + 40 }), // two slots
      delegations: [makeDelegation({ id: "D1" }), makeDelegation({ id: "D2" }), makeDelegation({ id: "D3", available: [{ start: 14 * 60, end: 14 * 60 + 20 }] })],
      firms: [makeFirm({ id: "A", representatives: 2 }), makeFirm({ id: "B" }), makeFirm({ id: "C" })],
      scores: scores([["A", "D1", 100], ["A", "D2", 100], ["A", "D3", 100], ["B", "D1", 1], ["B", "D2", 1], ["B", "D3", 1], ["C", "D1", 1], ["C", "D2", 1], ["C", "D3", 1]]),
    });
    const counts = (s: ReturnType<typeof planStop>): number[] => ["A", "B", "C"].map((f) => s.meetings.filter((m) => m.firmId === f).length);
    const balanced = planStop(instance);
    // top = 3 (A's cap): a first meeting is worth 3, a second 2, a third 1; A 2 + B 2 + C 1 beats A 3 + B 1 + C 1.
    expect(balanced.stats.levels).toEqual({ musts: 0, served: 3, balance: 13, score: 203 });
    expect(counts(balanced).sort()).toEqual([1, 2, 2]);
    expect(balanced.status).toBe("optimal");
    const unbalanced = planStop(instance, { balance: false });
    expect(unbalanced.stats.levels).toEqual({ musts: 0, served: 3, balance: 0, score: 302 });
    expect(counts(unbalanced)).toEqual([3, 1, 1]);
  });

  it("keeps a delegation's tables fixed and numbers tables 1..Σ tables by delegation id", () => {
    const instance = makeInstance({
      delegations: [makeDelegation({ id: "B", tables: 2 }), makeDelegation({ id: "A", tables: 1 })],
      firms: ["F1", "F2", "F3", "F4"].map((id) => makeFirm({ id })),
      scores: ["F1", "F2", "F3", "F4"].flatMap((f) => [{ firmId: f, delegationId: "A", score: 1 }, { firmId: f, delegationId: "B", score: 2 }]),
    });
    const s = planStop(instance);
    expect(s.tables).toEqual([{ delegationId: "A", tables: [1] }, { delegationId: "B", tables: [2, 3] }]);
    for (const m of s.meetings) expect(s.tables.find((t) => t.delegationId === m.delegationId)!.tables).toContain(m.table);
  });

  it("explains who is left without meetings", () => {
    const instance = makeInstance({
      delegations: [makeDelegation({ id: "US-CG", country: "US" }), makeDelegation({ id: "DE", country: "DE", available: [{ start: 15 * 60, end: 16 * 60 }] })],
      firms: [
        makeFirm({ id: "AVOID" }),
        makeFirm({ id: "ZERO" }),
        makeFirm({ id: "BEFORE" }),
        makeFirm({ id: "EARLY", available: [{ start: 14 * 60, end: 15 * 60 }] }),
        makeFirm({ id: "CAPPED", maxMeetings: 0 }),
      ],
      requests: [{ firmId: "AVOID", country: "US", kind: "avoid" }],
      scores: scores([["AVOID", "US-CG", 5], ["BEFORE", "US-CG", 5], ["EARLY", "DE", 5], ["CAPPED", "US-CG", 5]]),
      history: [{ firmId: "BEFORE", delegationId: "US-CG", stopId: "MI-2026-01" }],
    });
    const reasons = Object.fromEntries(planStop(instance).unmatched.map((u) => [u.firmId, u.reason]));
    expect(reasons).toEqual({
      AVOID: "avoided",
      ZERO: "no-eligible-delegation",
      BEFORE: "met-before",
      EARLY: "not-present",
      CAPPED: "max-meetings",
    });
    expect(planStop(instance, { allowRepeats: true }).meetings.map((m) => m.firmId)).toEqual(["BEFORE"]);
  });
});
