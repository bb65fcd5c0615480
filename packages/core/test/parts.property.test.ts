// Property tests that every schedule carries each meeting's score parts as the pair was scored for it (seeded).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reviewAgenda } from "../src/evaluate.js";
import { planStop } from "../src/plan.js";
import { scorePairs } from "../src/prepare.js";
import { replanStop } from "../src/replan/replan.js";
import { planSeason } from "../src/season/season.js";
import type { Meeting, ScheduleOptions, StopInstance } from "../src/types.js";
import { arbInstance, makeDelegation, makeFirm, makeStop } from "./builders.js";

const sum = (m: Meeting): number => m.parts.reduce((total, p) => total + p.points, 0);

/** Each meeting's score and parts equal the pair's affinity as `scorePairs` gives it under the same options. */
function expectScoredParts(instance: StopInstance, meetings: readonly Meeting[], options: ScheduleOptions = {}): void {
  const affinity = new Map(scorePairs(instance, options).map((p) => [`${p.firm.id}|${p.delegation.id}`, p.affinity]));
  for (const m of meetings) {
    const a = affinity.get(`${m.firmId}|${m.delegationId}`);
    expect(a).toBeDefined();
    expect(m.parts).toEqual(a?.parts);
    expect(m.score).toBe(a?.score);
    expect(Math.abs(sum(m) - m.score)).toBeLessThan(1e-6);
  }
}

describe("a schedule's meetings carry their score parts", () => {
  it("as planned, re-planned and reviewed", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 4, delegations: 3, slots: 3, windows: true }), (instance) => {
        const schedule = planStop(instance, { minMeetings: 1 });
        expectScoredParts(instance, schedule.meetings);
        expectScoredParts(instance, replanStop(instance, schedule.meetings).schedule.meetings);
        expectScoredParts(instance, reviewAgenda(instance, schedule.meetings).schedule.meetings);
      }),
      { seed: 16, numRuns: 60 },
    );
  });

  it("with the season's fairness bonus as a part of its own", () => {
    const firms = [makeFirm({ id: "F1", stops: ["S1", "S2"] }), makeFirm({ id: "F2", stops: ["S1", "S2"] })];
    // A new country at the second stop: both firms get the fairness bonus for it.
    const delegations = [makeDelegation({ id: "US1", country: "US", stops: ["S1"] }), makeDelegation({ id: "DE1", country: "DE", stops: ["S2"] })];
    const stops = [makeStop({ id: "S1", date: "2026-03-01" }), makeStop({ id: "S2", date: "2026-04-01" })];
    const plan = planSeason({ stops, firms, delegations, requests: [], scores: null, history: [] });
    const later = plan.stops[1];
    expect(later).toBeDefined();
    if (later === undefined) return;
    expect(later.schedule.meetings.some((m) => m.parts.some((p) => p.code === "season"))).toBe(true);
    expectScoredParts(later.instance, later.schedule.meetings, later.options);
  });
});
